"""## What it does
Reports a table whose display key is built from several columns (`naming=` or
`NamingFormat` with more than one column) and that has no `ColumnOption` of
`type="displaykey"` holding that key.

## Why is this bad
A display key made of several columns is computed by DataMiner and kept nowhere in the
table, so QActions, filters and other tables cannot read or match it. A column of type
`displaykey` (filled by the QAction that fills the table) makes the key a real value.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<ArrayOptions index="0" options=";naming=/1002,1003">
  <ColumnOption idx="0" pid="1001"/>
  <ColumnOption idx="1" pid="1002"/>
  <ColumnOption idx="2" pid="1003"/>
</ArrayOptions>
```

## Use instead
```xml
<ArrayOptions index="0">
  <ColumnOption idx="0" pid="1001"/>
  <ColumnOption idx="1" pid="1002"/>
  <ColumnOption idx="2" pid="1003"/>
  <ColumnOption idx="3" pid="1004" type="displaykey"/>
</ArrayOptions>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM212"
NAME = "display-key-column-missing"
SEVERITY = "warning"
SUMMARY = "A display key built from several columns has no displaykey column"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        key = table.display_key
        if key.several and key.syntax in ("NamingFormat", "naming"):
            yield Problem(table.array_options, f"{table.label} builds its display key from several columns with "
                                               f"{key.syntax}; hold it in a ColumnOption of type displaykey",
                          official="2.39.9")
