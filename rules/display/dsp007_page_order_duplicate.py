"""## What it does
Reports a page listed more than once in `Display@pageOrder` (separators and web
interface pages aside). One finding per page.

## Why is this bad
A page appears once in the list of pages; the second mention does nothing but makes
the intended order ambiguous.

## Example
```xml
<Display pageOrder="General;Interfaces;General"/>
```

## Use instead
```xml
<Display pageOrder="General;Interfaces"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.display import SEPARATOR, WEB

CODE = "DSP007"
NAME = "page-order-duplicate"
SEVERITY = "warning"
SUMMARY = "Display@pageOrder lists a page more than once"


def check(model):
    seen: set[str] = set()
    reported: set[str] = set()
    for entry in model.page_order or ():
        if entry.kind in (SEPARATOR, WEB):
            continue
        if entry.text in seen and entry.text not in reported:
            reported.add(entry.text)
            yield Problem(model.display, f"Display@pageOrder lists '{entry.text}' more than once: keep one",
                          attribute="pageOrder")
        seen.add(entry.text)
