"""## What it does
Checks `Timer@id` on every `Protocol/Timers/Timer`: it must be present, not empty, and a
plain unsigned integer (no sign, no leading zero).

## Why is this bad
Actions start, stop and reschedule a timer by its id, and DataMiner keeps timers by id: a
timer without a valid id cannot be controlled, or is confused with another one.

## Example
```xml
<Timer id=""><Name>Fast</Name>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Name>Fast</Name>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import id_problem

CODE = "TMR001"
NAME = "timer-id-invalid"
SEVERITY = "error"
SUMMARY = "A timer has no id, an empty id or an id that is not a plain unsigned number"


def check(model):
    for timer in model.timers:
        raw = timer.element.get("id")
        problem = id_problem(raw)
        if problem == "missing":
            yield Problem(timer.element, f"{timer.label} has no id attribute", official="7.6.1")
        elif problem == "empty":
            yield Problem(timer.element, f"{timer.label} has an empty id", attribute="id", official="7.6.2")
        elif problem == "invalid":
            yield Problem(timer.element, f"{timer.label} has id '{raw.strip()}', which is not a plain unsigned "
                                         f"number (digits only, no leading zero)", attribute="id", official="7.6.4")
