"""## What it does
Checks `ArrayOptions@index`, the idx of a table's primary key column: it must be
present, not empty, a plain number (no sign, no leading zero), `0` (`1` for a logger
table with a `DirectConnection` database), the idx of one of the table's columns, and
without spaces around it.

## Why is this bad
The primary key identifies every row: SLProtocol, the QActions and every other table
that links to this one rely on it. DataMiner expects it in the first column; a table
whose index names no column, or a different one than the tools expect, has rows that
cannot be found back.

## Example
```xml
<ArrayOptions>
  <ColumnOption idx="0" pid="1001"/>
</ArrayOptions>
<ArrayOptions index="2">
  <ColumnOption idx="0" pid="1101"/>
</ArrayOptions>
```

## Use instead
```xml
<ArrayOptions index="0">
  <ColumnOption idx="0" pid="1001"/>
</ArrayOptions>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import path, text_of

CODE = "PRM208"
NAME = "table-index"
SEVERITY = "error"
SUMMARY = "ArrayOptions@index is missing, not a plain number, not 0 or names no column"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        raw = table.index_raw
        where = table.array_options
        if raw is None:
            yield Problem(where, f"{table.label} has no ArrayOptions@index: it should name the primary key column",
                          official="2.46.1")
            continue
        if not raw.strip():
            yield Problem(where, f"{table.label} has an empty ArrayOptions@index", attribute="index",
                          official="2.46.2")
            continue
        if table.index is None or _not_plain(raw):
            yield Problem(where, f"{table.label} has ArrayOptions@index '{raw.strip()}', which is not a plain number",
                          attribute="index", official="2.46.3")
            continue
        direct = text_of(path(table.element, "Database", "Connection", "Type")) == "DirectConnection"
        expected = 1 if direct else 0
        if table.index != expected:
            why = " (a logger table with a DirectConnection database)" if direct else ""
            yield Problem(where, f"{table.label} has ArrayOptions@index {raw.strip()}; the primary key should be the "
                                 f"column of idx {expected}{why}", attribute="index", official="2.46.5")
            continue
        if table.column_at(table.index) is None:
            yield Problem(where, f"ArrayOptions@index of {table.label} is {table.index}, but the table has no column "
                                 f"with that idx", attribute="index", official="2.46.4")
            continue
        if raw != raw.strip():
            yield Problem(where, f"{table.label} has spaces around ArrayOptions@index '{raw}'", attribute="index",
                          official="2.46.6")


def _not_plain(raw: str) -> bool:
    value = raw.strip()
    return value.startswith("+") or (value != "0" and value.startswith("0"))
