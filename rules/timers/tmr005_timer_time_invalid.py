"""## What it does
Checks `Timer/Time`, how often the timer goes off: it must be there and be `loop` or a
number of milliseconds from 1 to 2073600000 (about 24 days).

## Why is this bad
Without a readable time the timer never goes off (or goes off at a time nobody chose);
above 24 days the value overflows DataMiner's timer and the timer goes off at once, again
and again.

## Example
```xml
<Timer id="1"><Name>Slow</Name><Content>...</Content></Timer>
<Timer id="2"><Name>Monthly</Name><Time>2592000000</Time>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Name>Slow</Name><Time>60000</Time><Content>...</Content></Timer>
<Timer id="2"><Name>Daily</Name><Time>86400000</Time>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import MAX_TIMER_TIME, timer_time
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR005"
NAME = "timer-time-invalid"
SEVERITY = "error"
SUMMARY = "A timer has no Time, an empty Time, or one that is not loop or 1 ms to 24 days"


def check(model):
    for timer in valid_timers(model):
        time = child(timer.element, "Time")
        if time is None:
            yield Problem(timer.element, f"{timer.label} has no Time: say how often it goes off", official="7.1.1")
            continue
        raw = time.text or ""
        if not raw.strip():
            yield Problem(time, f"{timer.label} has an empty Time", official="7.1.2")
            continue
        if raw.strip().lower() == "loop":
            continue
        value = timer_time(raw)
        if value is None or value == 0:
            yield Problem(time, f"{timer.label} has Time '{raw.strip()}', which is neither loop nor a number of ms "
                                f"from 1 to {MAX_TIMER_TIME}", official="7.1.4")
        elif value > MAX_TIMER_TIME:
            yield Problem(time, f"{timer.label} has Time {value} ms, more than 24 days ({MAX_TIMER_TIME} ms), which "
                                f"DataMiner's timers cannot hold", official="7.1.5")
