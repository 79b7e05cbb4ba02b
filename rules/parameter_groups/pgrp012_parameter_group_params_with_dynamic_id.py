"""## What it does
Reports a parameter group that has both a `dynamicId` (interfaces made from the rows of a
table) and a `Params` list (one interface with these parameters).

## Why is this bad
The two are different kinds of group: a dynamic group makes one interface per row of its
table, a static group one interface for its listed parameters. DataMiner uses one of them
and ignores the other, so either the listed parameters or the table rows are not linked.

## Example
```xml
<Group id="1" name="Ports" dynamicId="1000">
  <Params><Param id="102"/></Params>
</Group>
```

## Use instead
```xml
<Group id="1" name="Ports" dynamicId="1000" dynamicIndex="*"/>
<Group id="2" name="Management" type="inout">
  <Params><Param id="102"/></Params>
</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import group_label, group_params, valid_groups

CODE = "PGRP012"
NAME = "parameter-group-params-with-dynamic-id"
SEVERITY = "error"
SUMMARY = "A parameter group has both a dynamicId and Params"


def check(model):
    for group in valid_groups(model):
        dynamic = group.get("dynamicId")
        params = group_params(group)
        if dynamic is not None and dynamic.strip() and params:
            yield Problem(group, f"{group_label(group)} has dynamicId '{dynamic.strip()}' and lists {len(params)} "
                                 f"parameter(s) in Params: a group is either dynamic (one interface per table row) "
                                 f"or lists its parameters", attribute="dynamicId")
