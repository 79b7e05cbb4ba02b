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

## Fix safety
Unsafe: a column-types parameter without Interprete gets one that reads a number (RawType
`numeric text`, LengthType `next param`, Type `double`), after its Param/Type; how the value is
read changes. No fix is offered for a missing column-types parameter (its name and settings
would be invented) or for a wrong Interprete (which of the allowed values was meant is not known).
"""

from dmlint.core.fixes import UNSAFE, Fix
from dmlint.core.problem import Problem
from dmlint.model import matrix
from dmlint.rules.params._fixes import write_interprete

CODE = "PRM105"
NAME = "matrix-column-types"
SEVERITY = "error"
FIX = "unsafe"
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
            fix = None
            if code == "2.21.18":  # `where` is the column-types Param, without Interprete
                fix = Fix.of(write_interprete(model.document, where, None, "numeric text", "next param", "double"),
                             safety=UNSAFE, message="give the column-types parameter a numeric Interprete")
            yield Problem(where, message, official=code, related=related, fix=fix)
