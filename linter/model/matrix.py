"""What the official validator expects of a matrix parameter's `Param/Type` (check 2.21).

A matrix is a parameter whose `Measurement/Type` is `matrix`. Its `Param/Type` must be
`array` or `write`, and its `Type@options` must give `dimensions=ROWS,COLUMNS` and one
`columntypes=PID:0-LAST` where LAST is COLUMNS-1; PID names the parameter that holds the
type of each column, which must read its value as a number (`Interprete` RawType
`numeric text` or `unsigned number`, Type `double`, LengthType `next param` or `fixed`).

`type_problem(model, param)` gives the first problem of the options (the official check
stops there for that parameter), `column_type_problems(model, param)` the problems of the
column-type parameter. Both return (official code, message, element) tuples.
"""

from __future__ import annotations

from dmlint.model.elements import text_of
from dmlint.model.options import type_options


def is_matrix(model, param_element) -> bool:
    return model.measurement_kind(param_element) == "matrix"


def type_problem(model, param_element, label: str):
    """(code, message, element) of the first problem of a matrix's Type@options, or None."""
    type_element = model.first(param_element, "Type")
    if type_element is None or not is_matrix(model, param_element):
        return None
    raw = type_element.get("options")
    if raw is None:
        return ("2.21.12", f"matrix {label} has no Type@options: it needs dimensions=ROWS,COLUMNS and "
                           f"columntypes=PID:0-LAST", type_element)
    kind = text_of(type_element) or ""
    if kind not in ("array", "write"):
        shown = kind if kind in _PARAM_TYPES else ""
        return ("2.21.13", f"matrix {label} has Type '{shown}': a matrix is an 'array' (or its 'write' parameter)",
                type_element)
    options = type_options(raw.strip())
    if options.dimensions is None or options.column_types is None:
        missing = " and ".join(name for name, value in (("dimensions", options.dimensions),
                                                          ("columntypes", options.column_types)) if value is None)
        return ("2.21.11", f"matrix {label} has no {missing} option in Type@options", type_element)
    rows, columns = options.dimensions
    if rows is None or columns is None:
        return ("2.21.14", f"matrix {label} has option '{options.dimensions_raw}': expected dimensions=ROWS,COLUMNS",
                type_element)
    if len(options.column_types) != 1 or not options.column_types[0].valid:
        return ("2.21.14", f"matrix {label} has option '{options.column_types_raw}': expected one "
                           f"columntypes=PID:FROM-TO", type_element)
    column_type = options.column_types[0]
    if column_type.start != 0 or column_type.end != columns - 1:
        return ("2.21.8", f"matrix {label}: '{options.column_types_raw}' does not cover the {columns} columns of "
                          f"'{options.dimensions_raw}' (expected 0-{columns - 1})", type_element)
    return None


def column_type_problems(model, param_element, label: str) -> list:
    """Problems of the parameter a matrix's columntypes option names (after type_problem found none)."""
    type_element = model.first(param_element, "Type")
    options = type_options((type_element.get("options") or "").strip())
    pid = options.column_types[0].pid if options.column_types else None
    pid = 0 if pid is None else pid
    target = model.links.param(str(pid))
    if target is None:
        return [("2.21.17", f"matrix {label} takes its column types from Param {pid}, which does not exist",
                 type_element)]
    interprete = model.first(target, "Interprete")
    if interprete is None:
        return [("2.21.18", f"Param {pid}, the column types of matrix {label}, has no Interprete", target)]
    found = []
    raw_type = text_of(model.first(interprete, "RawType"))
    if raw_type not in ("numeric text", "unsigned number"):
        found.append(("2.21.9", f"Param {pid}, the column types of matrix {label}, has Interprete/RawType "
                                f"'{raw_type or ''}': use 'numeric text' or 'unsigned number'", target))
    value_type = text_of(model.first(interprete, "Type"))
    if value_type != "double":
        found.append(("2.21.16", f"Param {pid}, the column types of matrix {label}, has Interprete/Type "
                                 f"'{value_type or ''}': use 'double'", target))
    length_type = text_of(model.first(interprete, "LengthType"))
    if length_type not in ("next param", "fixed"):
        found.append(("2.21.15", f"Param {pid}, the column types of matrix {label}, has Interprete/LengthType "
                                 f"'{length_type or ''}': use 'next param' or 'fixed'", target))
    if len(found) > 1:
        return [("2.21.19", f"Param {pid}, the column types of matrix {label}, does not read its value as a number: "
                            + "; ".join(message.split(": ", 1)[-1] for _, message, _ in found), target,
                 tuple(found))]
    return found


_PARAM_TYPES = (
    "array", "bus", "crc", "dataminer info", "discreet info", "dummy", "elementdmaid", "elementid",
    "elementname", "fixed", "group", "header", "ip", "length", "matrix", "pollingip", "read",
    "read bit", "response", "trailer", "write", "write bit",
)
