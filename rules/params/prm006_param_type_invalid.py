"""## What it does
Checks `Param/Type` on every parameter with a valid id: it must be present, not
empty and one of the parameter types of the protocol schema (`read`, `write`,
`read bit`, `write bit`, `array`, `matrix`, `fixed`, `dummy`, `group`, `header`,
`trailer`, `length`, `crc`, `response`, `bus`, `ip`, `pollingip`, `elementid`,
`elementname`, `elementdmaid`, `dataminer info`, `discreet info`), in lower case.

## Why is this bad
The type decides what DataMiner does with the parameter (store a value, send it,
frame a message...). A parameter without a known type is not loaded.

## Example
```xml
<Param id="10"><Name>Status</Name><Type>Read</Type>...</Param>
```

## Use instead
```xml
<Param id="10"><Name>Status</Name><Type>read</Type>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.params import PARAM_TYPES

CODE = "PRM006"
NAME = "param-type-invalid"
SEVERITY = "error"
SUMMARY = "Param/Type is missing, empty or not a known parameter type"


def check(model):
    for entry in model.param_types:
        if entry.element is None:
            yield Problem(entry.param.element, f"{entry.label} has no Type", official="2.61.1")
        elif not entry.kind:
            yield Problem(entry.element, f"{entry.label} has an empty Type", official="2.61.2")
        elif entry.kind not in PARAM_TYPES:
            yield Problem(entry.element, f"{entry.label} has unknown Type '{entry.kind}'", official="2.61.4")
