"""## What it does
Checks how a table sorts its rows (`Measurement/Type@options`, `tab=...,sort:...`):

- when more than one column is sorted, every sorted column needs a priority
  (`sort:STRING|ASC|0-INT|DESC|1`);
- when the table shows a date or date-time column (a column with a width above 0 whose
  `Measurement/Type@options` has `date` or `datetime`), the main sort (priority 0, else the
  first sorted column) must be on one of them. One finding lists every such column.

The official severities are Major (priorities) and Minor (date columns); dmlint reports an
error and a warning.

## Why is this bad
Without priorities the client sorts on whichever column it meets first, which changes from
one client to another. Tables with a time stamp (logs, events, history) are read newest
first; sorting them on anything else buries the latest rows.

## Example
```xml
<Type options="tab=columns:1001|0-1002|1,width:100-150,sort:STRING|ASC-INT|DESC">table</Type>
```

## Use instead
```xml
<Type options="tab=columns:1001|0-1002|1,width:100-150,sort:STRING|ASC|1-INT|DESC|0">table</Type>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.options import measurement_options
from dmlint.model.values import attribute_value

CODE = "PRM113"
NAME = "table-sort-options"
SEVERITY = "error"
SUMMARY = "Sorted table columns lack priorities, or a table with date columns is not sorted on one"


def _is_datetime(model, column) -> bool:
    options = attribute_value(model.follow(column, "Measurement", "Type"), "options")
    if options.raw is None:
        return False
    parsed = measurement_options(options.text)
    return parsed.has_date or parsed.datetime


def check(model):
    links = None
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if model.first(element, "ArrayOptions") is None:
                continue
            tag = model.follow(element, "Measurement", "Type")
            options = attribute_value(tag, "options")
            table = measurement_options(options.text).table if options.raw is not None else None
            if table is None:
                continue
            if table.sorts is not None:
                sorted_count = sum(direction is not None for _, _, direction, _ in table.sorts)
                with_priority = sum(priority is not None for _, _, _, priority in table.sorts)
                if sorted_count > 1 and sorted_count > with_priority:
                    yield Problem(tag, f"table Param {pid} sorts {sorted_count} columns but gives only {with_priority} "
                                       f"a priority: give each sorted column one (sort:TYPE|DIR|PRIORITY)",
                                  attribute="options", official="2.31.2")
                    continue
            if links is None:
                links = model.links
            columns = links.table_columns(element)
            dated, main = [], None
            for column in table.full:
                target = columns.get(str(column.pid)) if column.pid is not None else None
                if column.width and target is not None and _is_datetime(model, target):
                    dated.append(column.pid)
                if column.sort_priority == 0:
                    main = column.pid
                elif main is None and column.sort_direction is not None:
                    main = column.pid
            if dated and (main is None or main not in dated):
                shown = ", ".join(str(column) for column in dated)
                yield Problem(tag, f"table Param {pid} shows date column(s) {shown} but is not sorted on one of them: "
                                   f"sort on the time stamp first", attribute="options", official="2.31.9")
