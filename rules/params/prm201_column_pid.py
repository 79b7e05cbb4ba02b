"""## What it does
Checks `pid` on every `ArrayOptions/ColumnOption` of a table: it must be present, not
empty, name an existing parameter (or an id of a parameter's `duplicateAs`, as the
columns of a view table do) and have no spaces around it.

## Why is this bad
The `pid` says which parameter holds the column's cells. A column option without one,
or pointing at a parameter that does not exist, leaves a column DataMiner cannot fill:
the table loses or shifts a column at runtime.

## Example
```xml
<Param id="1000">
  <Name>Interfaces</Name>
  <Type>array</Type>
  <ArrayOptions index="0">
    <ColumnOption idx="0" pid="1001"/>
    <ColumnOption idx="1" pid=" 1009"/>
    <ColumnOption idx="2"/>
  </ArrayOptions>
</Param>
<!-- Params holds 1001 only -->
```

## Use instead
```xml
<ArrayOptions index="0">
  <ColumnOption idx="0" pid="1001"/>
  <ColumnOption idx="1" pid="1002"/>
  <ColumnOption idx="2" pid="1003"/>
</ArrayOptions>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM201"
NAME = "column-pid"
SEVERITY = "error"
SUMMARY = "A ColumnOption has no pid, an empty pid, an untrimmed one or one naming no parameter"


def check(model):
    for table in model.all_tables:
        for option in table.column_options:
            raw = option.pid_raw
            where = f"ColumnOption idx={option.idx_raw!r} of {table.label}" if option.idx_raw is not None \
                else f"a ColumnOption of {table.label}"
            if raw is None:
                yield Problem(option.element, f"{where} has no pid attribute: it should name the column's Param",
                              official="2.63.1")
            elif not raw.strip():
                yield Problem(option.element, f"{where} has an empty pid", attribute="pid", official="2.63.2")
            elif model.param_by_key(option.pid) is None:
                yield Problem(option.element, f"{where} names Param '{raw.strip()}' as its column, which does not "
                                              f"exist", attribute="pid", official="2.63.4")
            elif raw != raw.strip():
                yield Problem(option.element, f"{where} has an untrimmed pid '{raw}'", attribute="pid",
                              official="2.63.3")
