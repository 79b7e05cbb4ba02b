"""## What it does
Checks the `[id:N]` placeholders in the URL of the web interface pages of
`Display@pageOrder` (`Web Interface#http://[id:100]/`): each must name an existing
parameter.

## Why is this bad
DataMiner fills the placeholder with the value of parameter N when the page is
opened; a placeholder that names no parameter gives a broken address.

## Example
```xml
<Display pageOrder="General;----------;Web Interface#http://[id:100]/"/>
<!-- there is no Param 100 -->
```

## Use instead
```xml
<Display pageOrder="General;----------;Web Interface#http://[id:100]/"/>
<Params><Param id="100"><Name>WebInterfaceUrl</Name>...</Param></Params>
```
"""

import re

from dmlint.core.problem import Problem
from dmlint.model.display import WEB

CODE = "DSP010"
NAME = "web-page-param-missing"
SEVERITY = "error"
SUMMARY = "A web interface page's URL names a parameter that does not exist"

PLACEHOLDER = re.compile(r"\[id:([0-9]*)\]")


def check(model):
    for entry in model.page_order or ():
        if entry.kind != WEB:
            continue
        for match in PLACEHOLDER.finditer(entry.text.lower()):
            pid = match.group(1)
            if pid not in model.params:
                yield Problem(model.display, f"web interface page '{entry.text}' uses [id:{pid}], but there is no "
                                             f"Param {pid}", attribute="pageOrder")
