"""## What it does
Reports a trigger whose `Time` cannot happen to what it is `On`:

| On | Time |
|---|---|
| parameter | change, change after response, timeout, timeout after retries |
| command, response, group | before, after |
| pair | succeeded, timeout, timeout after retries |
| session | timeout |
| timer | before |
| protocol | after startup, link file change |

(A trigger on `communication` takes any time.)

## Why is this bad
DataMiner only ever fires a trigger at a moment that exists for its item: a trigger on a
parameter `before`, or on a timer `after`, never goes off.

## Example
```xml
<Trigger id="1"><On id="10">parameter</On><Time>after</Time>...</Trigger>
```

## Use instead
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time>...</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import TRIGGER_TIMES_BY_ON
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG010"
NAME = "trigger-time-invalid-for-on"
SEVERITY = "error"
SUMMARY = "A trigger's Time cannot happen to what it is On"


def check(model):
    for trigger in valid_triggers(model):
        on, time = trigger.on, trigger.time
        if on is None or time is None or on not in TRIGGER_TIMES_BY_ON:
            continue
        allowed = TRIGGER_TIMES_BY_ON[on]
        if time not in allowed:
            yield Problem(trigger.time_element, f"{trigger.label} is on a {on} at '{time}', which never happens to "
                                                f"a {on}: use {', '.join(allowed)}", official="5.6.1")
