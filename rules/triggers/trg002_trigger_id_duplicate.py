"""## What it does
Reports `Triggers/Trigger` elements that share an id (`7` and `07` are the same id). One
finding per shared id, at the second trigger, naming every trigger that has it.

## Why is this bad
DataMiner keeps one trigger per id: the others never go off, and a group or trigger that
runs one of them runs another.

## Example
```xml
<Trigger id="5"><Name>Before poll</Name>...</Trigger>
<Trigger id="5"><Name>After poll</Name>...</Trigger>
```

## Use instead
```xml
<Trigger id="5"><Name>Before poll</Name>...</Trigger>
<Trigger id="6"><Name>After poll</Name>...</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import duplicate_ids, label

CODE = "TRG002"
NAME = "trigger-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several triggers share the same id"


def check(model):
    for trigger_id, elements in duplicate_ids(model.section("trigger").items):
        names = ", ".join(label("Trigger", element) for element in elements)
        yield Problem(elements[1], f"{len(elements)} triggers share id {trigger_id} ({names}): give each its own id",
                      attribute="id", related=tuple((element, f"{label('Trigger', element)} has id {trigger_id}")
                                                    for element in elements))
