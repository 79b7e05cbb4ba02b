"""## What it does
Reports parameters that share a name (compared without regard to case). Allowed: a read
parameter and its write parameter (`read` or `read bit` with `write` or `write bit`), a
`header` or `trailer` with a `write`, and a matrix (`array`) with its `write` parameter. One
finding per name, with the other parameters as related locations.

## Why is this bad
QActions and the generated class library find parameters by name; with two parameters of
one name only one of them can be reached, and which one depends on the order in the file.

## Example
```xml
<Param id="100"><Name>Status</Name><Type>read</Type>...</Param>
<Param id="200"><Name>Status</Name><Type>read</Type>...</Param>
```

## Use instead
```xml
<Param id="100"><Name>Status</Name><Type>read</Type>...</Param>
<Param id="200"><Name>LinkStatus</Name><Type>read</Type>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.links import may_share_name
from dmlint.model.values import element_value

CODE = "PRM123"
NAME = "name-duplicate"
SEVERITY = "error"
SUMMARY = "Several Params share a name (other than a read/write pair)"

def check(model):
    names: dict[str, list] = {}
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Name")
            value = element_value(tag)
            if tag is None or value.empty or model.is_restricted_name(value.text):
                continue
            names.setdefault(value.text.lower(), []).append((pid, param.element, tag, value.text))
    for entries in names.values():
        if may_share_name([element for _, element, _, _ in entries]):
            continue
        ids = ", ".join(pid for pid, _, _, _ in entries)
        first = entries[0]
        yield Problem(first[2], f"Params {ids} share the name '{first[3]}': give each its own name",
                      related=tuple((tag, f"Param {pid} is also named '{name}'") for pid, _, tag, name in entries[1:]))
