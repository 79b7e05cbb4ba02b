"""## What it does
Reports a `Timer/Content/Group` naming a group that does not exist (also when the protocol
has no `<Groups>` at all).

## Why is this bad
The timer goes off and runs nothing for that group: what it should poll is never polled.

## Example
```xml
<Timer id="1"><Time>10000</Time><Content><Group>99</Group></Content></Timer>  <!-- no Group 99 -->
```

## Use instead
```xml
<Timer id="1"><Time>10000</Time><Content><Group>1</Group></Content></Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR011"
NAME = "timer-group-unresolved"
SEVERITY = "error"
SUMMARY = "A timer runs a group that does not exist"


def check(model):
    for timer in valid_timers(model):
        for element, kind, message in model.timer_group_issues.get(timer.element, ()):
            if kind == "unresolved":
                yield Problem(element, f"{timer.label} runs Group {message}, which does not exist", official="7.5.2")
