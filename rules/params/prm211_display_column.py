"""## What it does
Reports `ArrayOptions@displayColumn`, the old way to name the rows of a table by one
column, when it is the only display key definition, and when it names the primary key
column (`displayColumn` equal to `index`).

## Why is this bad
`displayColumn` is superseded by the `naming=` option, `NamingFormat` and the
`displaykey` column type, which DataMiner handles consistently everywhere (alarms,
trending, DVE). Pointing it at the primary key does nothing: rows are named by their
primary key already.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<ArrayOptions index="0" displayColumn="1">
<ArrayOptions index="0" displayColumn="0">
```

## Use instead
```xml
<ArrayOptions index="0" options=";naming=/1002">
<ArrayOptions index="0">
```
"""

from dmlint.core.problem import Problem

CODE = "PRM211"
NAME = "display-column"
SEVERITY = "warning"
SUMMARY = "ArrayOptions@displayColumn is used, or names the primary key"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        raw = table.attribute("displayColumn")
        if raw is None:
            continue
        has_naming, has_format = table.naming is not None, table.naming_format is not None
        if has_naming or has_format:
            continue  # several definitions: PRM210
        index_raw = table.index_raw
        if index_raw is not None and table.display_column == table.index:
            yield Problem(table.array_options, f"{table.label} has displayColumn '{raw.strip()}', its primary key: "
                                               f"remove it", attribute="displayColumn", official="2.39.2")
            continue
        yield Problem(table.array_options, f"{table.label} names its rows with displayColumn; use the naming= "
                                           f"option or NamingFormat instead", attribute="displayColumn",
                      official="2.39.3")
