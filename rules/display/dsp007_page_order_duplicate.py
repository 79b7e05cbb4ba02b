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

## Fix safety
Unsafe: the fix keeps the first entry of the page and removes the later ones, which may move the
page in the list of pages.
"""

from dmlint.core.problem import Problem
from dmlint.model.display import SEPARATOR, WEB
from dmlint.rules.display._page_order import page_order_without

CODE = "DSP007"
NAME = "page-order-duplicate"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "Display@pageOrder lists a page more than once"


def check(model):
    seen: set[str] = set()
    later: dict[str, list[int]] = {}
    for entry in model.page_order or ():
        if entry.kind in (SEPARATOR, WEB):
            continue
        if entry.text in seen:
            later.setdefault(entry.text, []).append(entry.position)
        seen.add(entry.text)
    for text, positions in later.items():
        yield Problem(model.display, f"Display@pageOrder lists '{text}' more than once: keep one",
                      attribute="pageOrder",
                      fix=page_order_without(model, set(positions), f"keep the first '{text}' of pageOrder"))
