"""## What it does
Checks the `view=` option of a `ColumnOption` (the column of a view table that shows a
column of another table). The value must have one of the three shapes DataMiner knows:
`view=1201` (a column), `view=1204:2004` (a column, and the column of the key to link
with), `view=:2802:1000:1` (a column, then the ids that link it through another element). A view table
that filters with `filterChange=` on its `ArrayOptions` cannot also use `view=` columns.

## Why is this bad
DataMiner ignores a `view=` it cannot read, so the column stays empty; `filterChange`
and `view=` columns are two different kinds of view table, and mixing them gives a
table that does neither.

## Example
```xml
<ArrayOptions index="0" options=";filterChange=1001-501">
  <ColumnOption idx="0" pid="1001" options=";view=501"/>
  <ColumnOption idx="1" pid="1002" options=";view=5:2:3"/>
</ArrayOptions>
```

## Use instead
```xml
<ArrayOptions index="0" options=";view=500">
  <ColumnOption idx="0" pid="1001" options=";view=501"/>
  <ColumnOption idx="1" pid="1002" options=";view=502:501"/>
</ArrayOptions>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM206"
NAME = "view-column-option"
SEVERITY = "error"
SUMMARY = "A ColumnOption view= option has an unknown shape or is combined with filterChange"


def check(model):
    for table in model.all_tables:
        if not table.column_options:
            continue
        options = table.options
        has_filter_change = options is not None and options.filter_change is not None
        for option in table.column_options:
            column_options = option.options
            view = column_options.view_table if column_options is not None else None
            if view is None:
                continue
            where = f"ColumnOption idx={option.idx_raw!r} of {table.label}"
            if view.id is None:
                yield Problem(option.element, f"{where} has '{view.text}', which is none of view=column, "
                                              f"view=column:keyColumn and view=:table:column:element",
                              attribute="options", official="2.38.1")
            elif has_filter_change:
                yield Problem(option.element, f"{where} uses view= while {table.label} filters with filterChange=; "
                                              f"use one kind of view table", attribute="options", official="2.38.3")
