"""## What it does
Checks `Group@id` on every `Protocol/Groups/Group`: it must be present, not empty, and a
plain unsigned integer (no sign, no leading zero). The ping group `-1` is accepted,
except in a protocol whose main connection is virtual (or that has no connection): such a
protocol polls nothing, so it has nothing to ping.

## Why is this bad
Timers, actions and triggers run a group by its id. A group without a valid id can never
run; `007` and `7` look like one group but are read differently by different parts of
DataMiner.

## Example
```xml
<Group id="">...</Group>
<Group id="010">...</Group>
```

## Use instead
```xml
<Group id="9">...</Group>
<Group id="10">...</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import id_problem
from dmlint.rules.groups._groups import group_label

CODE = "GRP001"
NAME = "group-id-invalid"
SEVERITY = "error"
SUMMARY = "A group has no id, an empty id or an id that is not a plain unsigned number"


def check(model):
    for group in model.section("group").items:
        raw = group.get("id")
        problem = id_problem(raw)
        if problem == "missing":
            yield Problem(group, f"{group_label(group)} has no id attribute", official="4.8.1")
        elif problem == "empty":
            yield Problem(group, f"{group_label(group)} has an empty id", attribute="id", official="4.8.2")
        elif raw.strip() == "-1":
            types = model.connection_types
            if not types or types[0] == "virtual":
                why = "it has no connection" if not types else "its main connection is virtual"
                yield Problem(group, f"{group_label(group)} is a ping group (id -1), but the protocol polls no "
                                     f"device ({why}): remove it", attribute="id", official="4.8.4")
        elif problem == "invalid":
            yield Problem(group, f"{group_label(group)} has id '{raw.strip()}', which is not a plain unsigned "
                                 f"number (digits only, no leading zero)", attribute="id", official="4.8.4")
