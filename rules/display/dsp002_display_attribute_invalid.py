"""## What it does
Checks the page attributes of `Protocol/Display`:

- `defaultPage` (the page an element card opens on) and `pageOrder` (the pages in
  the order they are listed) must be there, not be empty, and have no spaces around
  their value;
- the page names listed in `wideColumnPages` must have no spaces around them.

## Why is this bad
DataMiner matches these values against the page names exactly: a page name with a
space around it names no page, so the element card opens on another page, the
page is listed in DataMiner's own order, or it is shown narrow.

## Example
```xml
<Display defaultPage=" General" wideColumnPages="Interfaces ;Alarms"/>
```

## Use instead
```xml
<Display defaultPage="General" pageOrder="General;Interfaces;Alarms" wideColumnPages="Interfaces;Alarms"/>
```
"""

from dmlint.core.problem import Problem

CODE = "DSP002"
NAME = "display-attribute-invalid"
SEVERITY = "warning"
SUMMARY = "Display@defaultPage or @pageOrder is missing, empty or untrimmed, or a wideColumnPages entry is untrimmed"

CODES = {"defaultPage": ("1.21.1", "1.21.2", "1.21.4"), "pageOrder": ("1.22.1", "1.22.2", "1.22.3")}


def check(model):
    display = model.display
    if display is None:
        return  # DSP001
    for attribute, (missing, empty, untrimmed) in CODES.items():
        raw = display.get(attribute)
        if raw is None:
            yield Problem(display, f"<Display> has no {attribute} attribute: add it", official=missing)
        elif not raw.strip():
            yield Problem(display, f"Display@{attribute} is empty: it should name a page", attribute=attribute,
                          official=empty)
        elif raw != raw.strip():
            yield Problem(display, f"Display@{attribute} '{raw}' has spaces around its value: remove them",
                          attribute=attribute, official=untrimmed)
    wide = display.get("wideColumnPages")
    if wide is not None and wide.strip():
        pages = model.pages
        untrimmed = [entry for entry in wide.split(";") if entry.strip() in pages and entry != entry.strip()]
        if untrimmed:
            shown = ", ".join(f"'{entry}'" for entry in untrimmed)
            yield Problem(display, f"Display@wideColumnPages has page names with spaces around them ({shown}): "
                                   f"remove the spaces", attribute="wideColumnPages", official="1.29.2")
