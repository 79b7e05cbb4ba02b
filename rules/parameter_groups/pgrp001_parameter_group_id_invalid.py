"""## What it does
Checks `Group@id` on every `Protocol/ParameterGroups/Group`: it must be present, not empty,
and a plain unsigned number (digits only: no sign, no leading zero, no decimals).

## Why is this bad
A parameter group is a DCF interface; DataMiner identifies the interface, and every DCF
connection made on it, by this id. A group without a valid id cannot be created, and the
connections that should use it cannot be made or are lost.

## Example
```xml
<ParameterGroups>
  <Group name="Input 1" type="in"/>
  <Group id="03" name="Output 1" type="out"/>
</ParameterGroups>
```

## Use instead
```xml
<ParameterGroups>
  <Group id="1" name="Input 1" type="in"/>
  <Group id="3" name="Output 1" type="out"/>
</ParameterGroups>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.trees import read_part
from dmlint.rules.parameter_groups._groups import group_label

CODE = "PGRP001"
NAME = "parameter-group-id-invalid"
SEVERITY = "error"
SUMMARY = "A parameter group has no id, an empty id or an id that is not a plain number"


def check(model):
    for element in model.section("parameter_group").items:
        raw = element.get("id")
        if raw is None:
            yield Problem(element, f"{group_label(element)} has no id attribute", official="16.7.1")
        elif not raw.strip():
            yield Problem(element, f"{group_label(element)} has an empty id", attribute="id", official="16.7.2")
        else:
            part = read_part(raw)
            if part.value is None or not part.plain:
                yield Problem(element, f"{group_label(element)} has id '{raw.strip()}', which is not a plain "
                                       f"unsigned number (digits only, no sign, no leading zero)", attribute="id",
                              official="16.7.4")
