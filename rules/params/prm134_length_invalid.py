"""## What it does
Checks `Interprete/Length`: it is required when the `LengthType` is `fixed` (except on a
`read bit` parameter), must not be empty, must be a number, and a `length` parameter can be
at most 4 bytes long.

## Why is this bad
With a fixed length type DataMiner takes exactly this many bytes; without a valid number it
cannot split the message. A length parameter longer than 4 bytes makes SLPort read beyond the
value (memory corruption).

## Example
```xml
<Param id="3"><Type>length</Type><Interprete><LengthType>fixed</LengthType><Length>8</Length>...</Interprete></Param>
```

## Use instead
```xml
<Param id="3"><Type>length</Type><Interprete><LengthType>fixed</LengthType><Length>2</Length>...</Interprete></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.values import UINT, element_value

CODE = "PRM134"
NAME = "length-invalid"
SEVERITY = "error"
SUMMARY = "Interprete/Length is missing for a fixed length, empty, not a number, or above 4 on a length parameter"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            interprete = model.first(param.element, "Interprete")
            if interprete is None:
                continue
            kind = text_of(param.type_element)
            tag = model.first(interprete, "Length")
            if tag is None:
                if text_of(model.first(interprete, "LengthType")) == "fixed" and kind != "read bit":
                    yield Problem(interprete, f"Param {pid} has a fixed length but no Interprete/Length",
                                  official="2.74.1")
                continue
            value = element_value(tag, UINT)
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Interprete/Length", official="2.74.2")
            elif value.invalid:
                yield Problem(tag, f"Param {pid} has Interprete/Length '{value.text}', which is not a number",
                              official="2.74.3")
            elif kind == "length" and value.value > 4:
                yield Problem(tag, f"length Param {pid} is {value.value} bytes long: a length parameter can be at "
                                   f"most 4 bytes", official="2.74.3")
