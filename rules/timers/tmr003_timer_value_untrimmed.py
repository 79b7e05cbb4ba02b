"""## What it does
Reports whitespace around a `Timer@id` or a `Timer/Time`.

## Why is this bad
DataMiner trims them, but not every tool that reads the protocol does, and the whitespace
usually means the value was pasted or edited by hand.

## Example
```xml
<Timer id="1 "><Time> 10000</Time>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Time>10000</Time>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import id_problem, timer_time
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR003"
NAME = "timer-value-untrimmed"
SEVERITY = "warning"
SUMMARY = "A timer id or Time has surrounding whitespace"


def check(model):
    for timer in model.timers:
        raw = timer.element.get("id")
        if id_problem(raw) == "untrimmed":
            yield Problem(timer.element, f"{timer.label} has id '{raw}' with surrounding whitespace: write "
                                         f"'{raw.strip()}'", attribute="id", official="7.6.3")
    for timer in valid_timers(model):
        time = child(timer.element, "Time")
        raw = time.text if time is not None else None
        if raw is None or not raw.strip() or raw == raw.strip():
            continue
        if raw.strip().lower() == "loop" or timer_time(raw) not in (None, 0):
            yield Problem(time, f"{timer.label} has Time '{raw}' with surrounding whitespace: write "
                                f"'{raw.strip()}'", official="7.1.3")
