"""## What it does
Reports a timer that polls (runs at least one group of type `poll`, `poll action` or
`poll trigger`) and whose last group is of type `action` or `trigger`.

## Why is this bad
Groups of a timer are queued in order, and an action or trigger group at the end runs
before the polled groups have answered: it acts on the values of the previous round. Put
it first (or trigger it after the poll group with a trigger on that group).

## Example
```xml
<Timer id="1"><Time>10000</Time><Content><Group>1</Group><Group>2</Group></Content></Timer>
<Group id="1"><Content><Param>10</Param></Content></Group>
<Group id="2"><Type>action</Type><Content><Action>1</Action></Content></Group>
```

## Use instead
```xml
<Timer id="1"><Time>10000</Time><Content><Group>2</Group><Group>1</Group></Content></Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR012"
NAME = "timer-last-group-type"
SEVERITY = "error"
SUMMARY = "A polling timer ends with a group of type action or trigger"


def check(model):
    for timer in valid_timers(model):
        last = model.timer_last_groups.get(timer.element)
        if last is not None:
            element, group_type = last
            yield Problem(element, f"{timer.label} polls, but its last group is of type {group_type}: run it first, "
                                   f"or after the poll through a trigger", official="7.5.5")
