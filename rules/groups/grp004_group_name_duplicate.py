"""## What it does
Reports groups (with a valid id) that share a `Name`, compared without case. One finding
per shared name, naming every group that has it.

## Why is this bad
The group name is what the stream viewer and the element log show when a group runs; two
groups with one name make it impossible to tell which one polled, timed out or failed.

## Example
```xml
<Group id="1"><Name>Status</Name>...</Group>
<Group id="2"><Name>status</Name>...</Group>
```

## Use instead
```xml
<Group id="1"><Name>Status</Name>...</Group>
<Group id="2"><Name>Status Counters</Name>...</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import duplicate_names
from dmlint.rules.groups._groups import group_label

CODE = "GRP004"
NAME = "group-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several groups have the same name"


def check(model):
    for name, groups in duplicate_names(model.section("group").items):
        ids = ", ".join((group.get("id") or "").strip() for group in groups)
        yield Problem(child(groups[1], "Name"), f"{len(groups)} groups are named '{name}' (ids {ids}): give each "
                                               f"a name of its own",
                      related=tuple((child(group, "Name"), f"{group_label(group)}") for group in groups))
