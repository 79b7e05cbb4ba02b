"""## What it does
Checks the parameter that a matrix's `columntypes=PID:0-LAST` option names (the parameter
holding the type of each matrix column): it must exist and read its value as a number,
with an `Interprete` whose `RawType` is `numeric text` or `unsigned number`, whose `Type`
is `double` and whose `LengthType` is `next param` or `fixed`. When several of these are
wrong, one finding lists them.

## Why is this bad
DataMiner reads the column types of the matrix from this parameter; a missing parameter or
one that holds text leaves the matrix without its column types (inputs and outputs are not
told apart).

## Example
```xml
<Param id="1000"><Name>Router</Name>
  <Type options="dimensions=32,16;columntypes=1100:0-15">array</Type>...
</Param>
<Param id="1100"><Name>Router column types</Name><Type>read</Type>
  <Interprete><RawType>other</RawType><Type>string</Type><LengthType>next param</LengthType></Interprete>
</Param>
```

## Use instead
```xml
<Param id="1100"><Name>Router column types</Name><Type>read</Type>
  <Interprete><RawType>numeric text</RawType><Type>double</Type><LengthType>next param</LengthType></Interprete>
</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import matrix

CODE = "PRM105"
NAME = "matrix-column-types"
SEVERITY = "error"
SUMMARY = "The column-types parameter of a matrix is missing or does not read a number"


def check(model):
    for entry in model.param_types:
        element = entry.param.element
        if entry.element is None or not matrix.is_matrix(model, element) \
                or matrix.type_problem(model, element, entry.label):
            continue
        for problem in matrix.column_type_problems(model, element, entry.label):
            code, message, where = problem[:3]
            related = tuple((where, sub[1]) for sub in problem[3]) if len(problem) > 3 else ()
            yield Problem(where, message, official=code, related=related)
