"""## What it does
Reports parameter groups that share an id (compared as numbers: `7` and ` 7` are the same
id). One finding per id, on its first group; the other groups are listed as related places.

## Why is this bad
DataMiner keeps one DCF interface per id: the later groups replace the earlier ones, so some
interfaces silently disappear and the DCF connections made on them point at another interface.

## Example
```xml
<ParameterGroups>
  <Group id="101" name="Input 1" type="in"/>
  <Group id="101" name="Input 2" type="in"/>
</ParameterGroups>
```

## Use instead
```xml
<ParameterGroups>
  <Group id="101" name="Input 1" type="in"/>
  <Group id="102" name="Input 2" type="in"/>
</ParameterGroups>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import group_id, group_label

CODE = "PGRP003"
NAME = "parameter-group-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several parameter groups have the same id"


def check(model):
    by_id: dict[int, list] = {}
    for element in model.section("parameter_group").items:
        number = group_id(element)
        if number is not None:
            by_id.setdefault(number, []).append(element)
    for number, elements in by_id.items():
        if len(elements) > 1:
            names = ", ".join(group_label(element) for element in elements)
            yield Problem(elements[0], f"{len(elements)} parameter groups have id {number}: {names}", attribute="id",
                          related=tuple((element, f"{group_label(element)} also has id {number}")
                                        for element in elements[1:]))
