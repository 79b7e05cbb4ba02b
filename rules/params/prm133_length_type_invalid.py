"""## What it does
Checks `Interprete/LengthType` on every parameter with an `Interprete`: it must be there, not
empty, one of `next param`, `fixed`, `other param` or `last next param`, and `fixed` on a
`fixed` parameter.

## Why is this bad
The length type tells DataMiner where the value of the parameter ends in a message; without a
valid one, the message cannot be split into its parameters.

## Example
```xml
<Param id="5"><Type>fixed</Type><Interprete><LengthType>next param</LengthType>...</Interprete></Param>
```

## Use instead
```xml
<Param id="5"><Type>fixed</Type><Interprete><LengthType>fixed</LengthType><Length>2</Length>...</Interprete></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.enums import LENGTH_TYPES
from dmlint.model.values import element_value

CODE = "PRM133"
NAME = "length-type-invalid"
SEVERITY = "error"
SUMMARY = "Interprete/LengthType is missing, empty, unknown, or not fixed on a fixed parameter"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            interprete = model.first(param.element, "Interprete")
            if interprete is None:
                continue
            tag = model.first(interprete, "LengthType")
            value = element_value(tag, LENGTH_TYPES)
            if tag is None:
                yield Problem(interprete, f"Param {pid} has an Interprete without LengthType", official="2.73.1")
            elif value.empty:
                yield Problem(tag, f"Param {pid} has an empty Interprete/LengthType", official="2.73.2")
            elif value.invalid:
                yield Problem(tag, f"Param {pid} has Interprete/LengthType '{value.text}', which is not a length type",
                              official="2.73.3")
            elif text_of(param.type_element) == "fixed" and value.value != "fixed":
                yield Problem(tag, f"fixed Param {pid} has LengthType '{value.value}': a fixed parameter has a fixed "
                                   f"length", official="2.73.3")
