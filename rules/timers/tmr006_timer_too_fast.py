"""## What it does
Reports a timer that goes off more often than once a second (`Time` below 1000 ms).

## Why is this bad
Every time the timer goes off its groups are queued: below a second the queue fills faster
than most devices answer, the element uses more and more CPU and the other groups are
polled late.

## Example
```xml
<Timer id="1"><Name>Fast</Name><Time>200</Time>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Name>Fast</Name><Time>5000</Time>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import timer_time
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR006"
NAME = "timer-too-fast"
SEVERITY = "warning"
SUMMARY = "A timer goes off more often than once a second"


def check(model):
    for timer in valid_timers(model):
        time = child(timer.element, "Time")
        value = timer_time(time.text) if time is not None else None
        if value is not None and 0 < value < 1000:
            yield Problem(time, f"{timer.label} goes off every {value} ms: keep timers at 1000 ms or slower",
                          official="7.1.7")
