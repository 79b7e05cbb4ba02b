"""## What it does
Checks the parameters that hold a key of a table:

- the primary key (the column at `ArrayOptions@index`),
- the display key (the `displaykey` column, the single column of `NamingFormat` or
  `naming=`, or the column at `ArrayOptions@displayColumn`),
- the column of a `foreignKey=` option.

A key column cannot be of `Type` write, group, read bit or write bit. The primary key,
a foreign key and a `displayColumn` must also be read as text (`Interprete/Type`
string) and, in a table that is displayed or exported, shown as text or a number
(`Measurement/Type` string or number).

## Why is this bad
DataMiner stores keys as strings and matches rows by them: a key that is not read as a
string is converted on every lookup (`1.0` and `1` become different rows), and a key that
is written or built from bits has no value of its own to identify a row.

## Example
```xml
<Param id="1001">
  <Name>Interfaces_Index</Name>
  <Type>read</Type>
  <Interprete><Type>double</Type></Interprete>
</Param>
```

## Use instead
```xml
<Param id="1001">
  <Name>Interfaces_Index</Name>
  <Type>read</Type>
  <Interprete><Type>string</Type></Interprete>
  <Measurement><Type>string</Type></Measurement>
</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.tables import key_column_faults

CODE = "PRM209"
NAME = "key-column-type"
SEVERITY = "error"
SUMMARY = "A primary key, display key or foreign key column has a type a key cannot have"

# Official code per (key, fault).
CODES = {
    ("primary key", "type"): "2.46.9", ("primary key", "interprete"): "2.46.7",
    ("primary key", "measurement"): "2.46.8",
    ("display key", "type"): "2.39.8", ("display key", "interprete"): "2.39.6",
    ("display key", "measurement"): "2.39.7",
    ("foreign key", "type"): "2.38.9", ("foreign key", "interprete"): "2.38.7",
    ("foreign key", "measurement"): "2.38.8",
}
WHAT = {
    "type": "is of Type '{value}', which a key column cannot be",
    "interprete": "should be read as a string (Interprete/Type is {value})",
    "measurement": "should be shown as a string or a number (Measurement/Type is {value})",
}


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        primary = _primary_key(table)
        if primary is not None:
            yield from _report(table, primary, "primary key", True)
        key = table.display_key
        if key.param is not None and key.syntax != "primary key":
            yield from _report(table, key.param, "display key", key.syntax == "displayColumn")
        for option, _target in table.foreign_keys:
            if option.pid is None or option.idx is None:
                continue
            column = table.column_at(option.idx)
            if column is not None and column.param is not None:
                yield from _report(table, column.param, "foreign key", True)


def _report(table, param, key, interprete):
    for what, element, value in key_column_faults(table, param, interprete=interprete):
        shown = "not defined" if value == "UNDEFINED" else f"'{value}'"
        text = WHAT[what].format(value=shown if what != "type" else value)
        yield Problem(element, f"Param {param.id} ({param.name}), the {key} of {table.label}, {text}",
                      official=CODES[(key, what)])


def _primary_key(table):
    """The parameter of the primary key column, when ArrayOptions@index is valid (PRM208 judges it)."""
    raw = table.index_raw
    if raw is None or table.index is None or table.index != _expected_index(table):
        return None
    value = raw.strip()
    if value.startswith("+") or (value != "0" and value.startswith("0")):
        return None
    column = table.column_at(table.index)
    return column.param if column is not None else None


def _expected_index(table):
    from dmlint.model import path, text_of

    return 1 if text_of(path(table.element, "Database", "Connection", "Type")) == "DirectConnection" else 0
