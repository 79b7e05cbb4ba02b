"""## What it does
Checks where web interface pages (`Name#URL`) are in `Display@pageOrder`: they come
last, after every regular page and every separator, and the first one right after a
separator (`---...`).

## Why is this bad
Skyline's convention puts the web pages at the end of the page list, set apart by a
separator, so that the element's own pages stay together.

## Example
```xml
<Display pageOrder="----------;Web Interface#http://[Polling Ip]/;General"/>
```

## Use instead
```xml
<Display pageOrder="General;----------;Web Interface#http://[Polling Ip]/"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.display import SEPARATOR, WEB

CODE = "DSP009"
NAME = "web-page-position"
SEVERITY = "warning"
SUMMARY = "A web interface page is not at the end of the page order, after a separator"


def check(model):
    entries = model.page_order
    if not entries:
        return
    last_separator = max((entry.position for entry in entries if entry.kind == SEPARATOR), default=-1)
    last_page = max((entry.position for entry in entries if entry.kind not in (SEPARATOR, WEB)), default=-1)
    webs = [entry for entry in entries if entry.kind == WEB]
    for number, entry in enumerate(webs):
        if number == 0 and (entry.position == 0 or entries[entry.position - 1].kind != SEPARATOR):
            yield Problem(model.display, f"web interface page '{entry.text}' should follow a separator ('---...') in "
                                         f"Display@pageOrder", attribute="pageOrder")
            continue
        if entry.position < last_page or entry.position < last_separator:
            yield Problem(model.display, f"web interface page '{entry.text}' should come after every page and "
                                         f"separator of Display@pageOrder", attribute="pageOrder")
