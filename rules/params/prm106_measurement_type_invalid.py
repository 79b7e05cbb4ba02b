"""## What it does
Checks the text of `Param/Measurement/Type` on every parameter with a valid id: it must not
be empty, must be one of the measurement types of the protocol schema (`analog`, `button`,
`chart`, `digital threshold`, `discreet`, `matrix`, `number`, `pagebutton`, `progress`,
`string`, `table`, `title`, `togglebutton`), in lower case, and must have no spaces around.

## Why is this bad
The measurement type decides how the client shows the parameter; an unknown value is not
shown at all. Spaces around the value are tolerated by DataMiner but not by every tool.

## Example
```xml
<Param id="10"><Measurement><Type>Number</Type></Measurement>...</Param>
```

## Use instead
```xml
<Param id="10"><Measurement><Type>number</Type></Measurement>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.enums import MEASUREMENT_TYPES
from dmlint.model.values import element_value

CODE = "PRM106"
NAME = "measurement-type-invalid"
SEVERITY = "error"
SUMMARY = "Measurement/Type is empty, not a known measurement type or has spaces around it"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Type")
            if tag is None:
                continue
            value = element_value(tag, MEASUREMENT_TYPES)
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Measurement/Type", official="2.37.10")
            elif value.invalid:
                yield Problem(tag, f"Param {pid} has Measurement/Type '{value.text}', which is not a measurement type",
                              official="2.37.11")
            elif value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Measurement/Type '{value.raw}'",
                              official="2.37.12")
