"""## What it does
Checks that the page names of `Display/Positions/Position/Page` and the texts of
`Interprete/Exceptions/Exception/Display` are in title case (`Signal Quality`,
`Not Available`, `Temperature of the Card`). One finding per kind of text with every
text to fix as a related place, the expected casing in its note.

dmlint keeps any word with a capital after its first letter (`IPv4`, `kHz`) as written,
where the official validator knows its own list of such words and units; it may
therefore report fewer texts than the official validator.

## Why is this bad
Pages and displayed values are what operators read; consistent casing across drivers is
part of Skyline's style guide and makes the same concepts look the same everywhere.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Page>signal quality</Page>
<Display state="disabled">not available</Display>
```

## Use instead
```xml
<Page>Signal Quality</Page>
<Display state="disabled">Not Available</Display>
```

## Fix safety
Unsafe: the fix writes every page name or display text the finding lists in title case, which
changes the text users see. Display@defaultPage and Display@pageOrder keep the casing they
have.
"""

import re

from dmlint.core.fixes import UNSAFE, Fix, replace_text
from dmlint.core.problem import Problem
from dmlint.model.casing import title_case

CODE = "PRM228"
NAME = "title-casing"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "A page name or an exception display text is not in title case"

PAGE_EXCEPTIONS = ("CPEIntegration_",)
NOT_APPLICABLE = re.compile(r"^N([^A-Z0-9]*)A$", re.IGNORECASE)


def check(model):
    pages, displays = [], []
    for group in model.params.values():
        for param in group:
            positions = model.follow(param.element, "Display", "Positions")
            for position in model.all(positions, "Position"):
                page = model.first(position, "Page")
                value = (page.text or "").strip() if page is not None else ""
                if value:
                    expected = title_case(value, PAGE_EXCEPTIONS)
                    if expected != value:
                        pages.append((page, param, value, expected))
            exceptions = model.follow(param.element, "Interprete", "Exceptions")
            for exception in model.all(exceptions, "Exception"):
                display = model.first(exception, "Display")
                value = (display.text or "").strip() if display is not None else ""
                if not value or (value != "N/A" and (value.lower() == "not applicable" or NOT_APPLICABLE.match(value))):
                    continue  # PRM227
                expected = title_case(value)
                if expected != value:
                    displays.append((display, param, value, expected))
    for found, what, code in ((pages, "page name", "2.22.7"), (displays, "exception display text", "2.40.7")):
        if not found:
            continue
        listed = ", ".join(f"'{value}'" for _, _, value, _ in found[:5]) + (", ..." if len(found) > 5 else "")
        yield Problem(found[0][0], f"{len(found)} {what}{'s' if len(found) > 1 else ''} not in title case: {listed}",
                      official=code,
                      related=tuple((element, f"Param {param.id}: '{value}' should be '{expected}'")
                                    for element, param, value, expected in found),
                      fix=Fix.of(*(replace_text(model.document, element, expected)
                                   for element, _, _, expected in found),
                                 safety=UNSAFE, message=f"write the {what}s in title case"))
