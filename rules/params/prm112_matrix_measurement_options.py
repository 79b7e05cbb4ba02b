"""## What it does
Checks `Measurement/Type@options` of every matrix (`Measurement/Type` `matrix`, not its write
parameter): it must hold a well-formed `matrix=INPUTS,OUTPUTS,COMIN,COMAX,CIMIN,CIMAX` option
whose input and output counts match the rows and columns of `Param/Type@options`
(`dimensions=ROWS,COLUMNS`), and whose connection limits fit the matrix: an output connects
to at most ROWS inputs (COMIN 0 to ROWS, COMAX 1 to ROWS, COMIN not above COMAX) and an
input to at most COLUMNS outputs (likewise). Only the first problem of a matrix is reported
(input and output counts together).

## Why is this bad
The client draws the matrix and limits the crosspoints from these numbers; when they do not
match the matrix itself, crosspoints are missing or cannot be set.

## Example
```xml
<Param id="10000"><Type options="dimensions=16,32;columntypes=10100:0-31">array</Type>
  <Measurement><Type options="matrix=16,31,0,1,0,16">matrix</Type></Measurement></Param>
```

## Use instead
```xml
<Param id="10000"><Type options="dimensions=16,32;columntypes=10100:0-31">array</Type>
  <Measurement><Type options="matrix=16,32,0,1,0,16">matrix</Type></Measurement></Param>
```

## Fix safety
Unsafe: where the matrix= option's inputs or outputs differ from the rows or columns of
Param/Type@options dimensions, the fix writes the dimensions' count in the option (the table's
dimensions are taken as the truth). The other mistakes get no fix: a missing option or limits
cannot be derived.
"""

import re

from dmlint.core.fixes import UNSAFE, Fix, replace_attribute_value
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.options import measurement_options, type_options

CODE = "PRM112"
NAME = "matrix-measurement-options"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "A matrix's Measurement/Type@options lacks a valid matrix= option or contradicts its dimensions"


def _problems(model, pid, element):
    tag = model.follow(element, "Measurement", "Type")
    raw = tag.get("options")
    if raw is None:
        yield "2.31.8", f"matrix Param {pid} has no Measurement/Type@options: add matrix=INPUTS,OUTPUTS,..."
        return
    value = raw.strip()
    if "matrix=" not in value.lower():
        yield "2.31.7", f"matrix Param {pid} has no matrix= option in Measurement/Type@options"
        return
    if not value:
        return
    matrix = measurement_options(value).matrix
    if matrix is None or not matrix.valid:
        shown = matrix.raw if matrix is not None else value
        yield "2.31.6", (f"matrix Param {pid} has option '{shown}': expected "
                         f"matrix=INPUTS,OUTPUTS,COMIN,COMAX,CIMIN,CIMAX")
        return
    type_element = model.first(element, "Type")
    dimensions = type_options((type_element.get("options") or "").strip()).dimensions if type_element is not None \
        and type_element.get("options") is not None else None
    rows, columns = dimensions if dimensions is not None else (None, None)
    counts = False
    if rows is not None and matrix.inputs is not None and rows != matrix.inputs:
        counts = True
        yield "2.31.5", f"matrix Param {pid} has {matrix.inputs} inputs in its matrix= option but {rows} rows in " \
                        f"Type@options dimensions", _with_count(model, tag, raw, 0, rows)
    if columns is not None and matrix.outputs is not None and columns != matrix.outputs:
        counts = True
        yield "2.31.4", f"matrix Param {pid} has {matrix.outputs} outputs in its matrix= option but {columns} " \
                        f"columns in Type@options dimensions", _with_count(model, tag, raw, 1, columns)
    if counts or rows is None or columns is None:
        return
    limits = (
        (matrix.co_min > rows, f"COMin {matrix.co_min}", "an output connects to at least COMin (0 to the inputs)"),
        (matrix.co_max < 1 or matrix.co_max > rows, f"COMax {matrix.co_max}",
         "an output connects to at most COMax (1 to the inputs)"),
        (matrix.co_min > matrix.co_max, f"COMin {matrix.co_min} and COMax {matrix.co_max}", "COMin is above COMax"),
        (matrix.ci_min > columns, f"CIMin {matrix.ci_min}", "an input connects to at least CIMin (0 to the outputs)"),
        (matrix.ci_max < 1 or matrix.ci_max > columns, f"CIMax {matrix.ci_max}",
         "an input connects to at most CIMax (1 to the outputs)"),
        (matrix.ci_min > matrix.ci_max, f"CIMin {matrix.ci_min} and CIMax {matrix.ci_max}", "CIMin is above CIMax"),
    )
    for wrong, shown, rule in limits:
        if wrong:
            yield "2.31.3", f"matrix Param {pid} has {shown} in its matrix= option: {rule}"
            return


def check(model):
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if model.measurement_kind(element) != "matrix" \
                    or model.first(element, "ArrayOptions") is not None:
                continue
            if text_of(param.type_element) == "write":
                continue
            tag = model.follow(element, "Measurement", "Type")
            for code, message, *fix in _problems(model, pid, element):
                yield Problem(tag, message, attribute="options" if code != "2.31.8" else None, official=code,
                              fix=fix[0] if fix else None)


# the first two numbers of the matrix= option: the inputs, then the outputs
_COUNTS = (re.compile(r"(matrix=)(\d+)(?=,)", re.IGNORECASE), re.compile(r"(matrix=\d+,)(\d+)(?=,)", re.IGNORECASE))


def _with_count(model, tag, raw: str, which: int, count: int):
    """A fix writing `count` as the inputs (0) or outputs (1) of the matrix= option, when the option
    is written plainly (digits right after `matrix=` and its comma) and only once."""
    found = list(_COUNTS[which].finditer(raw))
    if len(found) != 1:
        return None
    match = found[0]
    value = raw[:match.start(2)] + str(count) + raw[match.end(2):]
    what = "inputs" if which == 0 else "outputs"
    return Fix.of(replace_attribute_value(model.document, tag, "options", value), safety=UNSAFE,
                  message=f"write {count} {what}, as the dimensions say")
