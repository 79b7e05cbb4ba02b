"""## What it does
Checks `Param/Type` of every matrix parameter (`Measurement/Type` `matrix`): it must be
`array` (or `write` for the matrix's write parameter) and its `Type@options` must give the
matrix size and its column types, consistently:

- `dimensions=ROWS,COLUMNS`, two numbers;
- exactly one `columntypes=PID:0-LAST`, where LAST is COLUMNS-1.

Only the first problem of a matrix is reported.

## Why is this bad
DataMiner builds the matrix from these options; without them (or with a column range that
does not match the dimensions) the matrix is not shown, or shows the wrong crosspoints.

## Example
```xml
<Param id="1000"><Name>Router</Name>
  <Type options="dimensions=32,16;columntypes=1100:0-14">array</Type>
  <Measurement><Type options="matrix=32,16,0,1,0,32">matrix</Type></Measurement>
</Param>
```

## Use instead
```xml
<Param id="1000"><Name>Router</Name>
  <Type options="dimensions=32,16;columntypes=1100:0-15">array</Type>
  <Measurement><Type options="matrix=32,16,0,1,0,32">matrix</Type></Measurement>
</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import matrix

CODE = "PRM104"
NAME = "matrix-type-options"
SEVERITY = "error"
SUMMARY = "A matrix's Param/Type is not array or write, or its dimensions/columntypes options are missing or wrong"


def check(model):
    for entry in model.param_types:
        if entry.element is None:
            continue
        problem = matrix.type_problem(model, entry.param.element, entry.label)
        if problem is not None:
            code, message, element = problem
            yield Problem(element, message, attribute="options" if code != "2.21.13" else None, official=code)
