"""## What it does
Reports a parameter group (with a valid id) that has no `name` attribute or an empty one.

## Why is this bad
The name is the name of the DCF interface: it is what users see in the connectivity editors
and what scripts and Visual Overview use to find the interface. A nameless interface cannot be
told apart from the others.

## Example
```xml
<Group id="1" type="in"/>
```

## Use instead
```xml
<Group id="1" name="Input 1" type="in"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import group_label, valid_groups

CODE = "PGRP004"
NAME = "parameter-group-name-missing"
SEVERITY = "error"
SUMMARY = "A parameter group has no name or an empty name"


def check(model):
    for element in valid_groups(model):
        raw = element.get("name")
        if raw is None:
            yield Problem(element, f"{group_label(element)} has no name attribute: the DCF interface needs a name",
                          official="16.3.4")
        elif not raw.strip():
            yield Problem(element, f"{group_label(element)} has an empty name: the DCF interface needs a name",
                          attribute="name", official="16.3.5")
