"""## What it does
Reports a parameter group name longer than 32 characters (spaces around it not counted).

## Why is this bad
The name is shown as the DCF interface name in connectivity views, where long names are cut
off and hard to tell apart; keeping interface names short keeps them readable everywhere they
appear.

## Example
```xml
<Group id="1" name="Standalone interface with alarm linking to a table cell" type="in"/>
```

## Use instead
```xml
<Group id="1" name="Input 1 (alarm linked)" type="in"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import MAX_NAME_LENGTH, RESTRICTED, group_label, valid_groups

CODE = "PGRP006"
NAME = "parameter-group-name-too-long"
SEVERITY = "warning"
SUMMARY = "A parameter group name is longer than 32 characters"


def check(model):
    for element in valid_groups(model):
        raw = element.get("name")
        if raw is None or any(char in RESTRICTED for char in raw):
            continue  # PGRP004, PGRP005
        name = raw.strip()
        if len(name) > MAX_NAME_LENGTH:
            yield Problem(element, f"{group_label(element)}: the name '{name}' has {len(name)} characters, more than "
                                   f"{MAX_NAME_LENGTH}", attribute="name")
