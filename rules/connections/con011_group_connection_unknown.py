"""## What it does
Checks `Group@connection`, the number of the connection a group is executed on
(0 is the main connection): it must be a number and name an existing connection
(counted from 0 over `Protocol/Type` and `Type@advanced`, or `Protocol/Connections`;
a declared `Connections/Connection@id` is accepted too).

dmlint's own check: the official validator has no equivalent (its check 4.7 is
about `Group@connectionPid`, which the REF rules cover).

## Why is this bad
A group sent to a connection that does not exist is never executed, so the
parameters it polls stay empty without any error in the element log.

## Example
```xml
<Type advanced="snmp:SNMP Connection">serial</Type>
...
<Group id="10" connection="2">...</Group>   <!-- connections are 0 and 1 -->
```

## Use instead
```xml
<Group id="10" connection="1">...</Group>
```
"""

from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem
from dmlint.model import child, children

CODE = "CON011"
NAME = "group-connection-unknown"
SEVERITY = "error"
SUMMARY = "Group@connection names a connection that does not exist"


def check(model):
    groups = [group for group in children(child(model.root, "Groups"), "Group") if group.get("connection") is not None]
    if not groups:
        return
    count = len(model.connection_types)
    for group in groups:
        raw = group.get("connection")
        number = normalize_id(raw)
        label = (group.get("id") or "").strip() or "(no id)"
        if number is None:
            yield Problem(group, f"Group {label} has connection='{raw}', which is not a connection number",
                          attribute="connection")
        elif not model.connection_exists(number):
            yield Problem(group, f"Group {label} runs on connection {number} but the protocol declares "
                                 f"{count} connection(s) (numbered from 0)", attribute="connection")
