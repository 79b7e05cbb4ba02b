"""## What it does
Checks that every parameter with a valid id has a `Name`, and that it is not empty.

## Why is this bad
The name identifies the parameter in QActions (`Parameter.<Name>`), in the generated class
library and in the logging; DataMiner refuses to load a parameter without one.

## Example
```xml
<Param id="10"><Description>Temperature</Description><Type>read</Type>...</Param>
```

## Use instead
```xml
<Param id="10"><Name>Temperature</Name><Description>Temperature</Description><Type>read</Type>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM120"
NAME = "name-missing"
SEVERITY = "error"
SUMMARY = "A Param has no Name or an empty one"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Name")
            if tag is None:
                yield Problem(param.element, f"Param {pid} has no Name", official="2.2.1")
            elif element_value(tag).empty:
                yield Problem(tag, f"Param {pid} has an empty Name", official="2.2.2")
