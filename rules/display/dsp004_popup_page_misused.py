"""## What it does
Reports a pop-up page (a page only a page button opens: a discreet value of a
`pagebutton` parameter) used as `Display@defaultPage` or listed in
`Display@pageOrder`.

## Why is this bad
A pop-up page opens in its own window when its button is clicked; it is not one of
the element card's pages. As the default page or in the page list it either does
not show at all or shows without the context of its button.

## Example
```xml
<Display defaultPage="General" pageOrder="General;Settings"/>
<!-- "Settings" is opened by a page button on General -->
```

## Use instead
```xml
<Display defaultPage="General" pageOrder="General"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.display import SEPARATOR, WEB

CODE = "DSP004"
NAME = "popup-page-misused"
SEVERITY = "warning"
SUMMARY = "A page opened by a page button is the default page or listed in the page order"


def check(model):
    display = model.display
    if display is None:
        return
    pages = model.pages
    default = (display.get("defaultPage") or "").strip()
    page = pages.get(default)
    if page is not None and page.popup:
        yield Problem(display, f"Display@defaultPage is '{default}', a page opened by a page button: open the element "
                               f"card on a regular page", attribute="defaultPage", official="1.21.6")
    for entry in model.page_order or ():
        if entry.kind in (SEPARATOR, WEB):
            continue
        page = pages.get(entry.text)
        if page is not None and page.popup:
            yield Problem(display, f"Display@pageOrder lists '{entry.text}', a page opened by a page button: remove it "
                                   f"from the page order", attribute="pageOrder", official="1.22.4")
