"""## What it does
Reports a parameter group name that contains a character not allowed in a DCF interface name:
`\\ / : * ? " < > |`.

## Why is this bad
The name becomes the name of the DCF interface, which DataMiner also writes into file and
connection descriptions where these characters separate or escape values; such an interface
may not be created or may not be found back.

## Example
```xml
<Group id="1" name="Input\\Output" type="inout"/>
```

## Use instead
```xml
<Group id="1" name="Input-Output" type="inout"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import RESTRICTED, group_label, valid_groups

CODE = "PGRP005"
NAME = "parameter-group-name-characters"
SEVERITY = "error"
SUMMARY = "A parameter group name contains a character that is not allowed"


def check(model):
    for element in valid_groups(model):
        raw = element.get("name")
        if raw is None or not raw.strip():
            continue
        found = list(dict.fromkeys(char for char in raw if char in RESTRICTED))
        if found:
            yield Problem(element, f"{group_label(element)}: the name '{raw}' contains {' '.join(found)}, which a DCF "
                                   f"interface name may not hold", attribute="name")
