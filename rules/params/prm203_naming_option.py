"""## What it does
Checks the `naming=` option of `ArrayOptions@options`, which builds a table's display
key from columns: `naming=/1002,1003` (the first character after `=` joins the parts).
It reports a `naming=` without columns and every part that names no parameter (an id of
a parameter's `duplicateAs` counts, as in a view table).

## Why is this bad
DataMiner shows a row by its display key. With no columns the key is empty; with a
column that does not exist the key misses a part, so rows become hard to tell apart or
collide.

## Example
```xml
<ArrayOptions index="0" options=";naming=/">
<ArrayOptions index="0" options=";naming=/1002,1009">  <!-- no Param 1009 -->
```

## Use instead
```xml
<ArrayOptions index="0" options=";naming=/1002,1003">
```
"""

from dmlint.core.problem import Problem

CODE = "PRM203"
NAME = "naming-option"
SEVERITY = "error"
SUMMARY = "The naming= option of a table has no columns or names a parameter that does not exist"


def check(model):
    for table in model.all_tables:
        naming = table.naming
        if naming is None:
            continue
        parts = naming.column_parts
        if naming.separator is None or not parts:
            yield Problem(table.array_options, f"{table.label} has a naming= option without columns: "
                                               f"'{naming.text}'", attribute="options", official="2.17.3")
            continue
        for part in parts:
            if model.param_by_key(part) is None:
                yield Problem(table.array_options, f"the naming= option of {table.label} names Param '{part}', "
                                                   f"which does not exist", attribute="options", official="2.17.4")
