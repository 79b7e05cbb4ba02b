"""## What it does
Reports a `Param/Display` without any child element.

The official severity is Warning; dmlint reports a warning.

## Why is this bad
An empty Display says nothing (the parameter is not shown); it is usually what remains after
a cleanup and can go.

## Example
```xml
<Param id="10"><Name>Internal</Name><Type>read</Type><Display/></Param>
```

## Use instead
```xml
<Param id="10"><Name>Internal</Name><Type>read</Type></Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM152"
NAME = "display-empty"
SEVERITY = "warning"
SUMMARY = "Param/Display has no content"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            display = model.first(param.element, "Display")
            if display is not None and not model.kids(display):
                yield Problem(display, f"Param {pid} has an empty Display: remove it")
