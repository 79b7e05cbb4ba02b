"""## What it does
Reports a table whose display key is defined more than once: two or more of
`ArrayOptions@displayColumn`, the `naming=` option and `ArrayOptions/NamingFormat`, or
several `ColumnOption`s of `type="displaykey"`.

## Why is this bad
DataMiner takes one of the definitions and ignores the others, so what the author reads
in the protocol is not necessarily how rows are named; the unused definitions only
mislead.

## Example
```xml
<ArrayOptions index="0" displayColumn="1" options=";naming=/1002">
```

## Use instead
```xml
<ArrayOptions index="0" options=";naming=/1002">
```
"""

from dmlint.core.problem import Problem

CODE = "PRM210"
NAME = "display-key-conflict"
SEVERITY = "warning"
SUMMARY = "A table defines its display key more than once"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        defined = [name for name, present in (
            ("displayColumn", table.attribute("displayColumn") is not None),
            ("naming=", table.naming is not None),
            ("NamingFormat", table.naming_format is not None)) if present]
        if len(defined) > 1:
            yield Problem(table.array_options, f"{table.label} defines its display key {len(defined)} times "
                                               f"({', '.join(defined)}): keep one", official="2.39.1")
        options = table.display_key_options
        if len(options) > 1:
            yield Problem(table.array_options, f"{table.label} has {len(options)} ColumnOptions of type displaykey; "
                                               f"a table has one display key column", official="2.39.11",
                          related=tuple((option.element, "a displaykey column") for option in options))
