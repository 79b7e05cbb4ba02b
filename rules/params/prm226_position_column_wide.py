"""## What it does
Reports parameters placed in a third (or later) column of a page (`Position/Column`
above 1), once per page with every such position as a related place.

## Why is this bad
Skyline's layout guidance is two columns per page: a third column does not fit on
smaller screens and in the web apps, so the page scrolls sideways or overlaps.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Position><Page>General</Page><Column>2</Column><Row>0</Row></Position>
```

## Use instead
```xml
<Position><Page>General (2)</Page><Column>0</Column><Row>0</Row></Position>
```
"""

from dmlint.core.ids import dotnet_uint
from dmlint.core.problem import Problem

CODE = "PRM226"
NAME = "position-column-wide"
SEVERITY = "warning"
SUMMARY = "A page has parameters in more than two columns"


def check(model):
    by_page: dict[str, list] = {}
    for group in model.params.values():
        for param in group:
            positions = model.follow(param.element, "Display", "Positions")
            if positions is None:
                continue
            for position in model.all(positions, "Position"):
                column = model.first(position, "Column")
                raw = column.text if column is not None else None
                value = (raw or "").strip()
                number = dotnet_uint(value) if value else None
                if number is None or value.startswith("+") or (value != "0" and value.startswith("0")):
                    continue  # PRM225
                if number > 1:
                    page = model.first(position, "Page")
                    name = (page.text or "").strip() if page is not None else ""
                    by_page.setdefault(name, []).append((param, column))
    for name, found in by_page.items():
        ids = ", ".join(param.id for param, _ in found)
        yield Problem(found[0][1], f"page '{name}' places parameters in a third column or further (Param {ids}); "
                                   f"keep to two columns", official="2.44.5",
                      related=tuple((column, f"Param {param.id} in column {(column.text or '').strip()}")
                                    for param, column in found))
