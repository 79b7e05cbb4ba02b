"""## What it does
Reports every `Timers/Timer` that has a `Condition`.

## Why is this bad
A timer's condition is evaluated each time the timer goes off, on the timer thread, for
every group it would queue; it is easy to get wrong and hard to see at run time. Put the
condition where it acts, on the groups, pairs or actions themselves (or stop and start the
timer with actions), so the timer itself always runs.

## Example
```xml
<Timer id="1">
  <Time>10000</Time>
  <Condition><![CDATA[id:10 == 1]]></Condition>
  <Content><Group>1</Group></Content>
</Timer>
```

## Use instead
```xml
<Timer id="1">
  <Time>10000</Time>
  <Content><Group>1</Group></Content>
</Timer>
<Group id="1"><Condition><![CDATA[id:10 == 1]]></Condition>...</Group>
```
"""

from dmlint.core.problem import Problem

CODE = "COND004"
NAME = "timer-condition"
SEVERITY = "warning"
SUMMARY = "A timer has a condition; conditions belong on what the timer runs"


def check(model):
    for site in model.conditions:
        if site.kind == "timer":
            yield Problem(site.element, f"{site.label} has a condition: put it on the groups, pairs or actions it "
                                        f"runs instead", official="7.4.3")
