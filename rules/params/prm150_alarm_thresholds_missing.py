"""## What it does
Reports a monitored parameter (`Alarm/Monitored` true) whose `Alarm` gives no default
threshold at all: no `CL`, `MaL`, `MiL`, `WaL`, `Normal`, `WaH`, `MiH`, `MaH`, `CH` and no
`Info` with a value.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
An alarm template made from the protocol then starts without limits, so the parameter is
monitored but can never alarm until someone fills them in by hand on every template.

## Example
```xml
<Alarm><Monitored>true</Monitored></Alarm>
```

## Use instead
```xml
<Alarm><Monitored>true</Monitored><MaH>80</MaH><CH>90</CH></Alarm>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import BOOL, element_value

CODE = "PRM150"
NAME = "alarm-thresholds-missing"
SEVERITY = "warning"
SUMMARY = "A monitored parameter's Alarm has no default threshold"

THRESHOLDS = ("Info", "CL", "MaL", "MiL", "WaL", "Normal", "WaH", "MiH", "MaH", "CH")


def check(model):
    for pid, group in model.params.items():
        for param in group:
            alarm = model.first(param.element, "Alarm")
            if alarm is None or element_value(model.first(alarm, "Monitored"), BOOL).value is not True:
                continue
            present = model.kids(alarm)
            if any(element_value(model.first(alarm, name)).text for name in THRESHOLDS if name in present):
                continue
            yield Problem(alarm, f"Param {pid} is monitored but its Alarm gives no default threshold")
