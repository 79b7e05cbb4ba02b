"""## What it does
Reports `Groups/Group` elements that share an id (`7` and `07` are the same id). One
finding per shared id, at the second group, naming every group that has it.

## Why is this bad
DataMiner keeps one group per id: the others are never polled, and a timer or action
that means one of them runs another.

## Example
```xml
<Group id="10"><Name>Status</Name>...</Group>
<Group id="10"><Name>Counters</Name>...</Group>
```

## Use instead
```xml
<Group id="10"><Name>Status</Name>...</Group>
<Group id="11"><Name>Counters</Name>...</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import duplicate_ids
from dmlint.rules.groups._groups import group_label

CODE = "GRP002"
NAME = "group-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several groups share the same id"


def check(model):
    for group_id, groups in duplicate_ids(model.section("group").items):
        names = ", ".join(group_label(group) for group in groups)
        yield Problem(groups[1], f"{len(groups)} groups share id {group_id} ({names}): give each its own id",
                      attribute="id", related=tuple((group, f"{group_label(group)} has id {group_id}")
                                                    for group in groups))
