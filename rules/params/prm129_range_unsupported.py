"""## What it does
Reports `Display/Range` on a shown parameter that cannot use it: a table's key column, or a
parameter whose `Measurement/Type` is not `number`, `analog`, `progress` or `string`.
Hidden parameters may keep a range for documentation.

The official severity is Warning; dmlint reports a warning.

## Why is this bad
The range is ignored there; it suggests a limit on values that nothing enforces.

## Example
```xml
<Display><Range><Low>0</Low><High>1</High></Range>...</Display>
<Measurement><Type>discreet</Type>...</Measurement>
```

## Use instead
```xml
<Display>...</Display>
<Measurement><Type>discreet</Type>...</Measurement>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM129"
NAME = "range-unsupported"
SEVERITY = "warning"
SUMMARY = "Display/Range on a key column or on a parameter whose measurement type has no range"


def check(model):
    links = None
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            tag = model.follow(element, "Display", "Range")
            if tag is None or (model.first(tag, "Low") is None and model.first(tag, "High") is None):
                continue
            if links is None:
                links = model.links
            if not links.is_positioned(element):
                continue
            table = links.table_of(element)
            if table is not None and links.primary_key_column(table) is element:
                yield Problem(tag, f"Param {pid} is the key column of table {links.pid.get(table)}: remove its Range")
                continue
            kind = model.measurement_kind(element)
            if kind not in ("number", "analog", "progress", "string"):
                yield Problem(tag, f"Param {pid} is a {kind or '(no measurement type)'}: it has no range, remove "
                                   f"Display/Range")
