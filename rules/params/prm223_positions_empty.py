"""## What it does
Reports a `Display/Positions` tag without any `Position`.

## Why is this bad
An empty `Positions` says nothing: the parameter is on no page. Tools that read it as
"positioned" (and require `RTDisplay` for it) are misled; remove the tag or place the
parameter.

## Example
```xml
<Display><RTDisplay>true</RTDisplay><Positions/></Display>
```

## Use instead
```xml
<Display>
  <RTDisplay>true</RTDisplay>
  <Positions><Position><Page>General</Page><Column>0</Column><Row>0</Row></Position></Positions>
</Display>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import children, path

CODE = "PRM223"
NAME = "positions-empty"
SEVERITY = "error"
SUMMARY = "Display/Positions holds no Position"


def check(model):
    for group in model.params.values():
        for param in group:
            positions = path(param.element, "Display", "Positions")
            if positions is not None and not children(positions, "Position"):
                yield Problem(positions, f"Param {param.id} ({param.name}) has an empty Display/Positions",
                              official="2.57.1")
