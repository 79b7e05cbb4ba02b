"""## What it does
Reports (single-threaded) timers that go off at the same time, or within a second of each
other: two `loop` timers, two timers of 10000 ms, or 10000 and 10500 ms. One finding per
set of timers, naming each of them. Multi-threaded timers (with `each`, `ip` or
`threadPool` options) are left out; timers below a second only count when their times are equal.

## Why is this bad
Timers that go off together queue their groups together: one timer holding all their
groups says the same, polls them in the order written and costs one timer instead of two.

## Example
```xml
<Timer id="1"><Name>Status</Name><Time>10000</Time>...</Timer>
<Timer id="2"><Name>Counters</Name><Time>10500</Time>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Name>Every 10 s</Name><Time>10000</Time>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import timer_time
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR007"
NAME = "timer-time-duplicate"
SEVERITY = "warning"
SUMMARY = "Several single-threaded timers go off at the same time or within a second"


def check(model):
    loops, by_time = [], {}
    for timer in valid_timers(model):
        time = child(timer.element, "Time")
        raw = (time.text or "").strip() if time is not None else ""
        if raw.lower() == "loop":
            loops.append(timer)
            continue
        value = timer_time(raw) if raw else None
        if value is None or value == 0 or timer.multithreaded:
            continue
        by_time.setdefault(value, []).append(timer)
    if len(loops) > 1:
        yield _duplicate(loops, "loop")
    for value, timers in by_time.items():
        if len(timers) > 1:
            yield _duplicate(timers, f"{value} ms")
    times = sorted(by_time)
    similar, found = list(by_time[times[0]]) if times else [], False
    for current, following in zip(times, times[1:], strict=False):
        if current < 1000:
            similar = list(by_time[following])
            continue
        if following - current < 1000:
            similar.extend(by_time[following])
            found = True
        else:
            if found:
                yield _similar(similar)
                found = False
            similar = list(by_time[following])
    if found:
        yield _similar(similar)


def _duplicate(timers, when):
    ids = ", ".join(timer.element.get("id").strip() for timer in timers)
    return Problem(timers[1].element, f"{len(timers)} timers go off every {when} (ids {ids}): put their groups in "
                                      f"one timer", official="7.1.6",
                   related=tuple((timer.element, timer.label) for timer in timers))


def _similar(timers):
    described = ", ".join(f"{timer.element.get('id').strip()} ({child(timer.element, 'Time').text.strip()} ms)"
                          for timer in timers)
    return Problem(timers[1].element, f"{len(timers)} timers go off within a second of each other ({described}): "
                                      f"put their groups in one timer", official="7.1.8",
                   related=tuple((timer.element, timer.label) for timer in timers))
