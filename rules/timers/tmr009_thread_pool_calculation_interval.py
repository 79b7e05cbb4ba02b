"""## What it does
Reports a multi-threaded timer whose `threadPool` option sets a calculation interval (its
second value: `threadPool:10,5,...`).

## Why is this bad
The calculation interval makes DataMiner compute thread pool statistics (usage, waiting,
durations) every so many seconds, which costs CPU on every element of the protocol; most
protocols never show those statistics. Leave it out (or write -1) unless the statistic
parameters are really used.

## Example
```xml
<Timer id="1" options="ip:2000,1;each:1000;threadPool:10,5,-1,-1,-1,-1,-1">...</Timer>
```

## Use instead
```xml
<Timer id="1" options="ip:2000,1;each:1000;threadPool:10">...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import timer_calculation_interval
from dmlint.rules.timers._timers import valid_timers

CODE = "TMR009"
NAME = "thread-pool-calculation-interval"
SEVERITY = "warning"
SUMMARY = "A timer's threadPool option sets a calculation interval, which costs CPU"


def check(model):
    for timer in valid_timers(model):
        interval = timer_calculation_interval(timer)
        if interval is not None:
            yield Problem(timer.element, f"{timer.label} computes thread pool statistics every {interval} s "
                                         f"(threadPool calculation interval): leave it out unless the statistics are "
                                         f"used", attribute="options", official="7.3.26")
