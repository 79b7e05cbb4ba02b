"""## What it does
Reports a column of a table whose parameter is not of `Type` read, write, group, read
bit or write bit (a view table's column counts through its `duplicateAs` parameter).

## Why is this bad
A table cell holds a value that is read, written or built from bits. A column of type
array, bus, crc, dummy, ... has no such value: DataMiner leaves the column empty or
refuses the table.

## Example
```xml
<Param id="1000"><Type id="1001;1002">array</Type>...</Param>
<Param id="1002"><Name>Table_Checksum</Name><Type>crc</Type></Param>
```

## Use instead
```xml
<Param id="1002"><Name>Table_Checksum</Name><Type>read</Type></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.params import PARAM_TYPES
from dmlint.model.tables import COLUMN_TYPES

CODE = "PRM215"
NAME = "column-type"
SEVERITY = "error"
SUMMARY = "A table column is not of type read, write, group, read bit or write bit"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        for column in table.columns:
            param = column.param
            if param is None or param.type_element is None:
                continue
            kind = (param.type_element.text or "").strip()
            if kind in PARAM_TYPES and kind not in COLUMN_TYPES:
                yield Problem(param.type_element, f"Param {param.id} ({param.name}), column {column.pid} of "
                                                  f"{table.label}, is of Type '{kind}'; a column is read, write, "
                                                  f"group, read bit or write bit", official="2.64.1")
