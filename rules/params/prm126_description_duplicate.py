"""## What it does
Reports parameters that share a `Description` (compared without regard to case). Allowed:
a read parameter and its write parameter, a header or trailer with a write, and a matrix
with its write parameter (the pairs DataMiner links by name). One finding per description,
the other parameters as related locations.

## Why is this bad
Operators tell parameters apart by their description: in the element card, in alarm and
trend lists, in reports. Two parameters with one description cannot be told apart there.

## Example
```xml
<Param id="100"><Description>Status</Description><Type>read</Type>...</Param>
<Param id="200"><Description>Status</Description><Type>read</Type>...</Param>
```

## Use instead
```xml
<Param id="100"><Description>Device Status</Description><Type>read</Type>...</Param>
<Param id="200"><Description>Link Status</Description><Type>read</Type>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.links import may_share_name
from dmlint.model.values import element_value

CODE = "PRM126"
NAME = "description-duplicate"
SEVERITY = "error"
SUMMARY = "Several Params share a Description (other than a read/write pair)"


def check(model):
    seen: dict[str, list] = {}
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Description")
            value = element_value(tag)
            if tag is None or value.empty:
                continue
            seen.setdefault(value.text.lower(), []).append((pid, param.element, tag, value.text))
    for entries in seen.values():
        if may_share_name([element for _, element, _, _ in entries]):
            continue
        ids = ", ".join(pid for pid, _, _, _ in entries)
        first = entries[0]
        yield Problem(first[2], f"Params {ids} share the description '{first[3]}': describe each one apart",
                      related=tuple((tag, f"Param {pid} is also described '{text}'")
                                    for pid, _, tag, text in entries[1:]))
