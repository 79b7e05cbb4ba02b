"""## What it does
Checks the `Display` of every `Interprete/Exceptions/Exception` (the text shown instead
of a special value): it must be present, not empty and without spaces around it; "not
applicable" is written `N/A` (not `NA`, `n/a`, `N.A.` or `Not Applicable`); and two
exceptions of one parameter do not show the same text (compared without case).

## Why is this bad
Operators recognise special values by these texts, and filters, reports and alarm
templates match them literally. Several spellings of the same meaning, or two values
shown alike, make them ambiguous.

## Example
```xml
<Exceptions>
  <Exception id="1" value="-1"><Display state="disabled">NA</Display><Value>-1</Value></Exception>
  <Exception id="2" value="-2"><Display state="disabled">na</Display><Value>-2</Value></Exception>
</Exceptions>
```

## Use instead
```xml
<Exceptions>
  <Exception id="1" value="-1"><Display state="disabled">N/A</Display><Value>-1</Value></Exception>
  <Exception id="2" value="-2"><Display state="disabled">No Signal</Display><Value>-2</Value></Exception>
</Exceptions>
```

## Fix safety
Untrimmed Display: safe, the fix removes the spaces. A non-standard not-applicable text (NA, n/a,
not applicable, ...): unsafe, the fix writes N/A, which changes the text users see.
"""

import re

from dmlint.core.fixes import UNSAFE, Fix, replace_text, trim_text
from dmlint.core.problem import Problem

CODE = "PRM227"
NAME = "exception-display"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "An exception's Display is missing, empty, untrimmed, a non-standard N/A or shown twice"

NOT_APPLICABLE = re.compile(r"^N([^A-Z0-9]*)A$", re.IGNORECASE)


def check(model):
    for group in model.params.values():
        for param in group:
            exceptions = model.follow(param.element, "Interprete", "Exceptions")
            if exceptions is None:
                continue
            label = f"Param {param.id} ({param.name})"
            shown = []
            for exception in model.all(exceptions, "Exception"):
                display = model.first(exception, "Display")
                if display is None:
                    yield Problem(exception, f"an exception of {label} has no Display", official="2.40.2")
                    continue
                raw = display.text or ""
                value = raw.strip()
                if raw:
                    shown.append(display)
                if not value:
                    yield Problem(display, f"an exception of {label} has an empty Display", official="2.40.3")
                    continue
                if value != "N/A" and (value.lower() == "not applicable" or NOT_APPLICABLE.match(value)):
                    yield Problem(display, f"an exception of {label} shows '{value}'; write 'N/A'", official="2.40.1",
                                  fix=Fix.of(replace_text(model.document, display, "N/A"), safety=UNSAFE,
                                             message="write N/A"))
                    continue
                if raw != value:
                    yield Problem(display, f"an exception of {label} has spaces around its Display '{raw}'",
                                  official="2.40.4",
                                  fix=Fix.of(trim_text(model.document, display), message="trim the Display"))
            by_text: dict[str, list] = {}
            for display in shown:
                value = (display.text or "").strip()
                if value:
                    by_text.setdefault(value.lower(), []).append(display)
            for same in by_text.values():
                if len(same) > 1:
                    shown = (same[0].text or "").strip()
                    yield Problem(exceptions, f"{len(same)} exceptions of {label} show '{shown}'",
                                  official="2.40.5", related=tuple((display, "shown here") for display in same))
