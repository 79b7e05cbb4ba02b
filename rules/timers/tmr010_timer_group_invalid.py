"""## What it does
Checks each `Timer/Content/Group`: it must hold a group id, or, in a multi-threaded timer
with an `ip:` option, `col:<columnIdx>:<groupId>` (run the group only for rows whose
column, by 0-based idx, has a value), with an existing column of the `ip` table and an
existing group. An empty value is reported too.

## Why is this bad
A value DataMiner cannot read runs no group: the timer goes off and polls nothing.

## Example
```xml
<Timer id="1"><Time>10000</Time><Content><Group></Group><Group>col:1:2</Group></Content></Timer>
```

## Use instead
```xml
<Timer id="1" options="ip:2000,1;each:10000;threadPool:10">
  <Time>10000</Time><Content><Group>1</Group><Group>col:1:2</Group></Content>
</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR010"
NAME = "timer-group-invalid"
SEVERITY = "error"
SUMMARY = "A timer's Content/Group is empty, not a group id, or a col: reference that does not work"


def check(model):
    for timer in valid_timers(model):
        for element, kind, message in model.timer_group_issues.get(timer.element, ()):
            if kind == "empty":
                yield Problem(element, f"{timer.label} has an empty Content/Group", official="7.5.3")
            elif kind == "invalid":
                yield Problem(element, f"{timer.label} runs <Group>{(element.text or '').strip()}</Group>: "
                                       f"{message}", official="7.5.4")
