"""## What it does
Reports a `Display@defaultPage` that names an existing regular page other than
`General`.

## Why is this bad
Skyline's convention is that every element card opens on its `General` page, so that
operators find the summary of any element in the same place. Another default page is
sometimes intended, hence a warning.

## Example
```xml
<Display defaultPage="Main" pageOrder="Main;Interfaces"/>
```

## Use instead
```xml
<Display defaultPage="General" pageOrder="General;Interfaces"/>
```
"""

from dmlint.core.problem import Problem

CODE = "DSP005"
NAME = "default-page-not-general"
SEVERITY = "warning"
SUMMARY = "Display@defaultPage is a page other than General"


def check(model):
    display = model.display
    if display is None:
        return
    default = (display.get("defaultPage") or "").strip()
    page = model.pages.get(default) if default else None
    if page is not None and not page.popup and default != "General":
        yield Problem(display, f"Display@defaultPage is '{default}': element cards open on 'General' by convention",
                      attribute="defaultPage")
