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

## Fix safety
Unsafe: the fix removes the empty Positions element (and its Display, when that holds nothing else),
an element DataMiner reads.
"""

from dmlint.core.fixes import UNSAFE, Fix, remove_element
from dmlint.core.problem import Problem

CODE = "PRM223"
NAME = "positions-empty"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "Display/Positions holds no Position"


def check(model):
    for group in model.params.values():
        for param in group:
            positions = model.follow(param.element, "Display", "Positions")
            if positions is not None and not model.all(positions, "Position"):
                yield Problem(positions, f"Param {param.id} ({param.name}) has an empty Display/Positions",
                              official="2.57.1", fix=_removed(model, positions))


def _removed(model, positions):
    """Remove the empty Positions, or its Display when that holds nothing else."""
    display = positions.getparent()
    others = [kid for kid in display if kid is not positions]  # elements and comments
    if not others and not display.attrib and not (display.text or "").strip():
        return Fix.of(remove_element(model.document, display), safety=UNSAFE, message="remove the empty Display")
    return Fix.of(remove_element(model.document, positions), safety=UNSAFE, message="remove the empty Positions")
