"""## What it does
Checks what the options of a view table point at:

- `ArrayOptions@options` `view=1000`: the table shown must be a parameter, and not the
  view table itself (`view=1000,remoteId`, a table of another element, is not checked);
- `filterChange=1001-501,...`: each local id must be a `ColumnOption@pid` of this table;
- `directView=1001`: the column must belong to another table;
- `ColumnOption@options` `view=1201` / `view=1204:2004` / `view=:2802:1000:1`: the
  column shown must be a column of another table, and not the column itself.

## Why is this bad
A view table shows the rows of another table. When its options point at nothing, at
itself or at a column of no table, DataMiner shows an empty or wrong view, and the
filter of a `filterChange` does nothing.

## Example
```xml
<Param id="2000">
  <ArrayOptions index="0" options=";view=2000">  <!-- itself -->
    <ColumnOption idx="0" pid="2001" options=";view=2001"/>  <!-- itself -->
  </ArrayOptions>
</Param>
```

## Use instead
```xml
<Param id="2000">
  <ArrayOptions index="0" options=";view=1000">
    <ColumnOption idx="0" pid="2001" options=";view=1001"/>  <!-- a column of table 1000 -->
  </ArrayOptions>
</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM205"
NAME = "view-table-reference"
SEVERITY = "error"
SUMMARY = "A view table option names no table, itself, or a column that belongs to no other table"


def _table_of_column(model, key):
    param = model.param_by_key(key) if key else None
    return model.table_of(param.id) if param is not None else None


def check(model):
    for table in model.all_tables:
        options = table.options
        if options is not None:
            yield from _table_options(model, table, options)
        has_filter_change = options is not None and options.filter_change is not None
        if has_filter_change:
            continue  # a view= column option with filterChange is PRM206's
        for option in table.column_options:
            column_options = option.options
            view = column_options.view_table if column_options is not None else None
            if view is None or view.id is None:
                continue
            where = f"ColumnOption idx={option.idx_raw!r} of {table.label}"
            if option.pid is not None and option.pid in (view.id, view.id2):
                yield Problem(option.element, f"{where} shows itself ('view={view.value}'): it should name a column "
                                              f"of another table", attribute="options", official="2.38.2")
                continue
            shown = [view.id] if view.remote or view.id2 is None else [view.id, view.id2]
            for pid in shown:
                other = _table_of_column(model, pid)
                if other is None or other is table:
                    what = "a column of this same table" if other is table else "no column of any table"
                    yield Problem(option.element, f"{where} shows column {pid} ('view={view.value}'), which is {what}",
                                  attribute="options", official="2.38.2")
                    break


def _table_options(model, table, options):
    view = options.view
    if view is not None and not view.remote:
        target = model.param_by_key(view.pid or "")
        if target is None:
            yield Problem(table.array_options, f"{table.label} is a view of table '{view.parts[0]}', which does not "
                                               f"exist", attribute="options", official="2.17.7")
        elif target.element is table.element:
            yield Problem(table.array_options, f"{table.label} is a view of itself ('{view.text}')",
                          attribute="options", official="2.17.7")
    if options.filter_change is not None:
        own = {option.pid for option in table.column_options if option.pid is not None}
        wrong = [pair.local or "" for pair in options.filter_change.pairs
                 if pair.local is None or pair.local not in own]
        if wrong:
            shown = ", ".join(f"'{pid}'" for pid in wrong)
            related = tuple((table.array_options, f"filterChange column '{pid}' is no column of this table")
                            for pid in wrong) if len(wrong) > 1 else ()
            yield Problem(table.array_options, f"the filterChange option of {table.label} names {shown}, which "
                                               f"{'is' if len(wrong) == 1 else 'are'} no ColumnOption@pid of it",
                          attribute="options", official="2.17.8", related=related)
    if options.direct_view is not None:
        pid = options.direct_view_pid or ""
        other = _table_of_column(model, pid)
        if other is None or other is table:
            what = "a column of this same table" if other is table else "no column of any table"
            yield Problem(table.array_options, f"the directView option of {table.label} names '{options.direct_view}', "
                                               f"which is {what}", attribute="options", official="2.17.9")
