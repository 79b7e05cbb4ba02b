"""## What it does
Reports page names in `Protocol/Display` that name no page: `defaultPage`, each
entry of `pageOrder` (other than separators `---` and web interface pages `Name#URL`)
and each entry of `wideColumnPages`. A page exists when a displayed parameter
(`RTDisplay` true, not a table column) is positioned on it, or when a page button
opens it. Names are compared exactly; an entry of `pageOrder` that differs from a
page only in case is reported too.

## Why is this bad
DataMiner shows what the parameters' positions define. A page name that matches none
of them is a typo or a leftover of a page that was removed: the element card opens on
another page, the order is not what it says, the wide layout applies to nothing.

## Example
```xml
<Display defaultPage="General" pageOrder="General;Interface"/>
<!-- the parameters are positioned on the page "Interfaces" -->
```

## Use instead
```xml
<Display defaultPage="General" pageOrder="General;Interfaces"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.display import SEPARATOR, WEB

CODE = "DSP003"
NAME = "page-unknown"
SEVERITY = "error"
SUMMARY = "A Display attribute names a page no parameter is positioned on"


def check(model):
    display = model.display
    if display is None:
        return
    pages = model.pages
    default = display.get("defaultPage")
    if default is not None and default.strip() and default.strip() not in pages:
        yield Problem(display, f"Display@defaultPage names page '{default.strip()}', which no displayed parameter is "
                               f"on", attribute="defaultPage", official="1.21.3")
    for entry in model.page_order or ():
        if entry.kind not in (SEPARATOR, WEB) and entry.text not in pages:
            hint = next((f" (did you mean '{name}'?)" for name in pages if name.lower() == entry.text.lower()), "")
            yield Problem(display, f"Display@pageOrder lists page '{entry.text}', which no displayed parameter is "
                                   f"on{hint}", attribute="pageOrder", official="1.22.8")
    wide = display.get("wideColumnPages")
    if wide is not None and wide.strip():
        for entry in wide.split(";"):
            if entry.strip() not in pages:
                yield Problem(display, f"Display@wideColumnPages lists page '{entry}', which no displayed parameter "
                                       f"is on", attribute="wideColumnPages", official="1.29.3")
