"""## What it does
Reports a parameter group with a `dynamicIndex` but no `dynamicId`.

## Why is this bad
`dynamicIndex` selects the rows of the `dynamicId` table that become interfaces (`*`: every
row). Without `dynamicId` there is no table to take rows from, so no interface is created.

## Example
```xml
<Group id="1002" name="Ports" dynamicIndex="*"/>
```

## Use instead
```xml
<Group id="1002" name="Ports" dynamicId="1000" dynamicIndex="*"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import group_label, valid_groups

CODE = "PGRP013"
NAME = "parameter-group-dynamic-index-without-id"
SEVERITY = "error"
SUMMARY = "A parameter group has a dynamicIndex but no dynamicId"


def check(model):
    for group in valid_groups(model):
        if group.get("dynamicIndex") is not None and group.get("dynamicId") is None:
            yield Problem(group, f"{group_label(group)} has a dynamicIndex but no dynamicId: name the table whose "
                                 f"rows become interfaces", attribute="dynamicIndex")
