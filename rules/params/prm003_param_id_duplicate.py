"""## What it does
Reports parameters that share an id: one finding per duplicated id, on the first
parameter, with the others as related locations (ids are compared as numbers, so `7` and
` 7` are the same id).

## Why is this bad
Only one of the parameters with a given id exists at runtime; which one depends
on the DataMiner version. The other one silently disappears, with its polling,
display and alarms.

## Example
```xml
<Param id="100"><Name>Temperature</Name>...</Param>
<Param id="100"><Name>Humidity</Name>...</Param>
```

## Use instead
```xml
<Param id="100"><Name>Temperature</Name>...</Param>
<Param id="101"><Name>Humidity</Name>...</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM003"
NAME = "param-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several Params share the same id"


def check(model):
    for pid, group in model.params.items():
        if len(group) < 2:
            continue
        names = ", ".join(f"'{param.name}'" for param in group)
        yield Problem(group[0].element, f"{len(group)} Params share id {pid} ({names}): give each its own id",
                      attribute="id", related=tuple((param.element, f"also id {pid} ('{param.name}')")
                                                    for param in group[1:]))
