"""## What it does
Reports a parameter listed more than once in the `Params` of one parameter group (ids
compared as numbers). One finding per parameter, on its first `Param`; the repetitions are
related places.

## Why is this bad
A parameter is linked to the DCF interface once; the repetition is either a copy-paste
leftover or hides the parameter that was meant to be listed there.

## Example
```xml
<Group id="1" name="Input 1" type="in">
  <Params><Param id="10"/><Param id="10"/></Params>
</Group>
```

## Use instead
```xml
<Group id="1" name="Input 1" type="in">
  <Params><Param id="10"/><Param id="11"/></Params>
</Group>
```
"""

from dmlint.core.ids import dotnet_uint
from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import group_label, group_params, valid_groups

CODE = "PGRP011"
NAME = "parameter-group-param-duplicate"
SEVERITY = "error"
SUMMARY = "A parameter group lists the same parameter twice"


def check(model):
    for group in valid_groups(model):
        by_id: dict[int, list] = {}
        for param in group_params(group):
            number = dotnet_uint(param.get("id"))
            if number is not None:
                by_id.setdefault(number, []).append(param)
        for number, params in by_id.items():
            if len(params) > 1:
                yield Problem(params[0], f"{group_label(group)} lists Param {number} {len(params)} times",
                              attribute="id", related=tuple((param, f"Param {number} again") for param in params[1:]))
