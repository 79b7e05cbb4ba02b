"""## What it does
Checks the `Row` and `Column` of every `Display/Positions/Position`: each must be
present, not empty, a plain number (no sign, no leading zero) and without spaces
around it.

## Why is this bad
Row and column say where on the page the parameter is drawn. Without a readable number
the client places it at the default spot, on top of another parameter.

## Example
```xml
<Position><Page>General</Page><Column>01</Column></Position>
```

## Use instead
```xml
<Position><Page>General</Page><Column>1</Column><Row>0</Row></Position>
```

## Fix safety
Safe: the fix removes the spaces around the Row or Column number. No fix is offered for a missing,
empty or unreadable one.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.ids import dotnet_uint
from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "PRM225"
NAME = "position-row-column"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "A Position has no Row or Column, or one that is empty, not a plain number or untrimmed"

CODES = {
    "Row": {"missing": "2.43.1", "empty": "2.43.2", "invalid": "2.43.3", "untrimmed": "2.43.4"},
    "Column": {"missing": "2.44.1", "empty": "2.44.2", "invalid": "2.44.3", "untrimmed": "2.44.4"},
}


def position_number(position, name):
    """(problem kind or None, element, raw) of a Position's Row or Column."""
    element = child(position, name)
    if element is None:
        return "missing", position, None
    raw = element.text or ""
    value = raw.strip()
    if not value:
        return "empty", element, raw
    if dotnet_uint(value) is None or value.startswith("+") or (value != "0" and value.startswith("0")):
        return "invalid", element, raw
    return None, element, raw


def check(model):
    for group in model.params.values():
        for param in group:
            positions = model.follow(param.element, "Display", "Positions")
            if positions is None:
                continue
            label = f"Param {param.id} ({param.name})"
            for position in model.all(positions, "Position"):
                for name in ("Column", "Row"):
                    kind, element, raw = position_number(position, name)
                    if kind == "missing":
                        yield Problem(position, f"a Position of {label} has no {name}", official=CODES[name][kind])
                    elif kind == "empty":
                        yield Problem(element, f"a Position of {label} has an empty {name}",
                                      official=CODES[name][kind])
                    elif kind == "invalid":
                        yield Problem(element, f"a Position of {label} has {name} '{raw.strip()}', which is not a "
                                               f"plain number", official=CODES[name][kind])
                    elif raw != raw.strip() and not (name == "Column" and dotnet_uint(raw) > 1):
                        yield Problem(element, f"a Position of {label} has spaces around its {name} '{raw}'",
                                      official=CODES[name]["untrimmed"],
                                      fix=Fix.of(trim_text(model.document, element), message=f"trim the {name}"))
