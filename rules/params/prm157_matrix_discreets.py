"""## What it does
Checks the discreets of a matrix (`Measurement/Type` `matrix`, not its write parameter),
which name its inputs and outputs: their values start at 1, every value from 1 to
ROWS+COLUMNS (`Param/Type@options` `dimensions=ROWS,COLUMNS`) is there, and there are exactly
that many.

## Why is this bad
The client labels the inputs and outputs of the matrix from these discreets; a missing or
extra one shifts every label after it.

## Example
```xml
<Type options="dimensions=2,2;columntypes=1100:0-1">array</Type>
<Discreets><Discreet><Display>In 1</Display><Value>1</Value></Discreet>
           <Discreet><Display>In 2</Display><Value>2</Value></Discreet>
           <Discreet><Display>Out 1</Display><Value>3</Value></Discreet></Discreets>
```

## Use instead
```xml
<Discreets>... <Discreet><Display>Out 2</Display><Value>4</Value></Discreet></Discreets>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.options import type_options
from dmlint.model.values import element_value

CODE = "PRM157"
NAME = "matrix-discreets"
SEVERITY = "error"
SUMMARY = "A matrix's discreets do not number its inputs and outputs 1 to ROWS+COLUMNS"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if model.measurement_kind(element) != "matrix" \
                    or text_of(param.type_element) == "write":
                continue
            tag = model.follow(element, "Measurement", "Discreets")
            discreets = model.all(tag, "Discreet")
            values = [element_value(model.first(discreet, "Value")).value for discreet in discreets]
            if discreets and values[0] != "1":
                yield Problem(tag, f"matrix Param {pid} numbers its discreets from '{values[0]}': start at 1",
                              official="2.41.3")
                continue
            raw = param.type_element.get("options") if param.type_element is not None else None
            dimensions = type_options(raw.strip()).dimensions if raw is not None else None
            if dimensions is None:
                continue
            expected = (dimensions[0] or 0) + (dimensions[1] or 0)
            if discreets:
                present = set(values)
                missing = [str(number) for number in range(1, expected + 1) if str(number) not in present]
                if missing:
                    yield Problem(tag, f"matrix Param {pid} has no discreet for value(s) {';'.join(missing)}",
                                  official="2.41.2")
                    continue
            if len(discreets) != expected:
                yield Problem(tag if tag is not None else element,
                              f"matrix Param {pid} has {len(discreets)} discreets for {expected} inputs and outputs",
                              official="2.41.1")
