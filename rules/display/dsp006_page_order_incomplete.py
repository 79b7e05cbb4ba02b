"""## What it does
Reports pages that `Display@pageOrder` does not list. A page exists when a displayed
parameter (`RTDisplay` true, not a table column) is positioned on it; pop-up pages
(opened by a page button) are not listed. One finding per page, with the parameters
positioned on it.

## Why is this bad
`pageOrder` is the order in which the element card lists its pages. A page it does
not mention (typically one added later) has no place in that order: DataMiner puts
it where it sees fit, usually not where the author would.

## Example
```xml
<Display defaultPage="General" pageOrder="General"/>
<!-- parameters are also positioned on the page "Interfaces" -->
```

## Use instead
```xml
<Display defaultPage="General" pageOrder="General;Interfaces"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.display import SEPARATOR, WEB
from dmlint.model.params import param_label

CODE = "DSP006"
NAME = "page-order-incomplete"
SEVERITY = "warning"
SUMMARY = "Display@pageOrder does not list a page"


def check(model):
    entries = model.page_order
    if entries is None:
        return  # DSP002 reports the missing or empty attribute
    listed = {entry.text for entry in entries if entry.kind not in (SEPARATOR, WEB)}
    for page in model.pages.values():
        if page.popup or page.name in listed:
            continue
        yield Problem(model.display, f"Display@pageOrder does not list page '{page.name}'", attribute="pageOrder",
                      official="1.22.5", related=tuple((param, f"{param_label(param)} is on page '{page.name}'")
                                    for param in page.params))
