"""## What it does
Reports an `Interprete/DefaultValue` that is not a number on a read parameter whose
`Interprete/Type` is `double` (digits with an optional sign and decimal point: `-1.5`).

## Why is this bad
DataMiner cannot store a text in a numeric parameter: the default value is dropped and the
parameter starts empty.

## Example
```xml
<Interprete><Type>double</Type><DefaultValue>abc</DefaultValue></Interprete>
```

## Use instead
```xml
<Interprete><Type>double</Type><DefaultValue>0</DefaultValue></Interprete>
```
"""

import re

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM147"
NAME = "default-value-incompatible"
SEVERITY = "error"
SUMMARY = "Interprete/DefaultValue of a double parameter is not a number"

_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$")


def check(model):
    links = None
    for pid, group in model.params.items():
        for param in group:
            default = param.default_value_element
            if default is None:
                continue
            if links is None:
                links = model.links
            if links.table_of(param.element) is not None or text_of(param.type_element) != "read":
                continue  # PRM010
            if text_of(model.follow(param.element, "Interprete", "Type")) != "double":
                continue
            value = (default.text or "").strip()
            if not _NUMBER.match(value):
                yield Problem(default, f"Param {pid} holds numbers (Interprete/Type double) but its DefaultValue is "
                                       f"'{value}'")
