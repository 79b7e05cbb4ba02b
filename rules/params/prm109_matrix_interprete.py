"""## What it does
Checks the `Interprete` of every matrix parameter (`Measurement/Type` `matrix`): `RawType`
must be `other`, `LengthType` `next param`, and `Type` `double` on the matrix itself
(`Param/Type` `array`) or `string` on its write parameter. When several are wrong, one
finding lists them.

## Why is this bad
DataMiner exchanges the crosspoints of a matrix in its own format; another interpretation
breaks reading or setting the matrix.

## Example
```xml
<Param id="1000"><Name>Router</Name><Type options="...">array</Type>
  <Interprete><RawType>numeric text</RawType><LengthType>next param</LengthType><Type>double</Type></Interprete>
  <Measurement><Type options="matrix=...">matrix</Type></Measurement></Param>
```

## Use instead
```xml
<Param id="1000"><Name>Router</Name><Type options="...">array</Type>
  <Interprete><RawType>other</RawType><LengthType>next param</LengthType><Type>double</Type></Interprete>
  <Measurement><Type options="matrix=...">matrix</Type></Measurement></Param>
```

## Fix safety
Unsafe: the fix writes the Interprete a matrix needs (RawType `other`, LengthType `next param`,
Type `double`, or `string` for the write parameter), which changes how the value is read. It
adds the Interprete after the Param's Type when there is none, and rewrites one that holds only
RawType, LengthType and Type; an Interprete with anything else (Exceptions, comments, ...) gets
no fix, nor does a matrix whose Param/Type is neither array nor write.
"""

from dmlint.core.fixes import UNSAFE, Fix
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.enums import INTERPRETE_RAW_TYPES, INTERPRETE_TYPES, LENGTH_TYPES
from dmlint.rules.params._fixes import write_interprete

CODE = "PRM109"
NAME = "matrix-interprete"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "A matrix's Interprete is not RawType other, LengthType next param and Type double (string when write)"


def _shown(element, vocabulary) -> str:
    value = text_of(element)
    return value if value in vocabulary else ""


def check(model):
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if model.measurement_kind(element) != "matrix":
                continue
            interprete = model.first(element, "Interprete")
            kind = text_of(param.type_element)
            found = []
            raw_type = model.first(interprete, "RawType")
            if text_of(raw_type) != "other":
                shown = _shown(raw_type, INTERPRETE_RAW_TYPES)
                found.append(("2.37.2", raw_type, f"RawType '{shown}' (expected other)"))
            value_type = model.first(interprete, "Type")
            expected = {"array": "double", "write": "string"}.get(kind or "")
            if expected and text_of(value_type) != expected:
                found.append(("2.37.3", value_type,
                              f"Type '{_shown(value_type, INTERPRETE_TYPES)}' (expected {expected})"))
            length_type = model.first(interprete, "LengthType")
            if text_of(length_type) != "next param":
                found.append(("2.37.4", length_type,
                              f"LengthType '{_shown(length_type, LENGTH_TYPES)}' (expected next param)"))
            if not found:
                continue
            fix = None
            if expected:
                fix = Fix.of(write_interprete(model.document, element, interprete, "other", "next param", expected),
                             safety=UNSAFE, message="write the matrix Interprete")
            if len(found) == 1:
                code, where, what = found[0]
                yield Problem(where if where is not None else element, f"matrix Param {pid} has Interprete {what}",
                              official=code, fix=fix)
            else:
                listed = ", ".join(what for _, _, what in found)
                yield Problem(element, f"matrix Param {pid} has a wrong Interprete: {listed}",
                              official="2.37.8", fix=fix,
                              related=tuple((where, what) for _, where, what in found if where is not None))
