"""## What it does
Reports a parameter name that DataMiner keeps for its own parameters: a name that starts
with two underscores, or one of the names of DataMiner's built-in parameters and events
(`TIMEOUT`, `STATE`, `TotalNbrOfActiveAlarms`, `lock_status`, ..., compared without regard
to case).

## Why is this bad
DataMiner creates these parameters itself on every element; a protocol parameter with the
same name is mixed up with them (in QActions, in alarm templates, in the logging).

## Example
```xml
<Param id="10"><Name>__Counter</Name>...</Param>
<Param id="11"><Name>STATE</Name>...</Param>
```

## Use instead
```xml
<Param id="10"><Name>Counter</Name>...</Param>
<Param id="11"><Name>DeviceState</Name>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM121"
NAME = "name-reserved"
SEVERITY = "error"
SUMMARY = "A Param name is reserved for DataMiner's own parameters"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Name")
            value = element_value(tag)
            if tag is None or value.empty or not model.is_restricted_name(value.text):
                continue
            yield Problem(tag, f"Param {pid} is named '{value.text}', a name DataMiner keeps for its own parameters")
