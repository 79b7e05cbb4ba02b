"""## What it does
Reports `Timers/Timer` elements that share an id (`7` and `07` are the same id). One
finding per shared id, at the second timer, naming every timer that has it.

## Why is this bad
DataMiner keeps one timer per id: the others never run, and an action that starts or
stops one of them controls another.

## Example
```xml
<Timer id="1"><Name>Fast</Name>...</Timer>
<Timer id="1"><Name>Slow</Name>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Name>Fast</Name>...</Timer>
<Timer id="2"><Name>Slow</Name>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import duplicate_ids, label

CODE = "TMR002"
NAME = "timer-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several timers share the same id"


def check(model):
    for timer_id, elements in duplicate_ids(model.section("timer").items):
        names = ", ".join(label("Timer", element) for element in elements)
        yield Problem(elements[1], f"{len(elements)} timers share id {timer_id} ({names}): give each its own id",
                      attribute="id", related=tuple((element, f"{label('Timer', element)} has id {timer_id}")
                                                    for element in elements))
