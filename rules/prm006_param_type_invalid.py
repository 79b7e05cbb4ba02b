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

from dmlint.model import child
from dmlint.problem import Problem
from dmlint.structure import PARAM_TYPES

CODE = "PRM006"
NAME = "param-type-invalid"
SEVERITY = "error"
SUMMARY = "Param/Type is missing, empty or not a known parameter type"
SKYLINE = ("2.61.1", "2.61.2", "2.61.4")


def check(model):
    for pid, group in model.params.items():
        for param in group:
            type_element = child(param.element, "Type")
            if type_element is None:
                yield Problem(param.element, f"Param {pid} ({param.name}) has no Type", skyline=("2.61.1",))
                continue
            value = (type_element.text or "").strip()
            if not value:
                yield Problem(type_element, f"Param {pid} ({param.name}) has an empty Type", skyline=("2.61.2",))
            elif value not in PARAM_TYPES:
                yield Problem(type_element, f"Param {pid} ({param.name}) has unknown Type '{value}'",
                              skyline=("2.61.4",))
