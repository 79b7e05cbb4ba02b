"""## What it does
Reports a `Groups/Group/Content/Param` written with a suffix (`1000:single`,
`1000:instance`, ...) in a group that a timer without `each`, `ip` or `threadPool` options
runs: once per such timer.

## Why is this bad
The suffixes only mean something to a multi-threaded timer, which polls the group once
per table row. A normal timer polls the group once, and the suffix is ignored: the
parameter is not polled the way the protocol says.

## Example
```xml
<Timer id="1"><Time>10000</Time><Content><Group>1</Group></Content></Timer>
<Group id="1"><Content><Param>1000:single</Param></Content></Group>
```

## Use instead
```xml
<Timer id="1" options="ip:1000,1;each:10000;threadPool:10">
  <Time>10000</Time><Content><Group>1</Group></Content>
</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import valid_id
from dmlint.rules.groups._groups import content_params, group_label, suffixed, timers_running, valid_groups

CODE = "GRP009"
NAME = "group-suffix-single-threaded"
SEVERITY = "error"
SUMMARY = "A parameter with a suffix sits in a group that a normal (single-threaded) timer runs"


def check(model):
    running = None
    for group in valid_groups(model):
        params = [param for param in content_params(group) if suffixed(param) is not None]
        if not params:
            continue
        if running is None:
            running = timers_running(model)
        for timer in running.get(valid_id(group.get("id")), ()):
            if timer.multithreaded:
                continue
            for param in params:
                suffix = suffixed(param)[1][0]
                yield Problem(param, f"{group_label(group)} polls <Param>{param.text.strip()}</Param> with suffix "
                                     f"'{suffix}', but {timer.label} runs it without each, ip or threadPool "
                                     f"options: the suffix needs a multi-threaded timer",
                              related=((timer.element, f"{timer.label} runs {group_label(group)}"),))
