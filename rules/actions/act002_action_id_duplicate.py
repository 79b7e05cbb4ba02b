"""## What it does
Reports `Actions/Action` elements that share an id (`7` and `07` are the same id). One
finding per shared id, at the second action, naming every action that has it.

## Why is this bad
DataMiner keeps one action per id: the others never run, and a trigger or group that
means one of them runs another.

## Example
```xml
<Action id="1"><Name>Poll</Name>...</Action>
<Action id="1"><Name>Clear</Name>...</Action>
```

## Use instead
```xml
<Action id="1"><Name>Poll</Name>...</Action>
<Action id="2"><Name>Clear</Name>...</Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import duplicate_ids, label

CODE = "ACT002"
NAME = "action-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several actions share the same id"


def check(model):
    for action_id, elements in duplicate_ids(model.section("action").items):
        names = ", ".join(label("Action", element) for element in elements)
        yield Problem(elements[1], f"{len(elements)} actions share id {action_id} ({names}): give each its own id",
                      attribute="id", related=tuple((element, f"{label('Action', element)} has id {action_id}")
                                                    for element in elements))
