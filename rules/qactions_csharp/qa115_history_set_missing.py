"""## What it does
Reports parameters and columns set with a time stamp (a `DateTime` argument) that do not
have `historySet="true"`:

- `SetParameter(pid, value, DateTime)`: the parameter;
- `SetRow(table, key, row, DateTime)`, `FillArray(table, columns, DateTime)` or
  `FillArray(table, rows, ..., DateTime)`, `FillArrayNoDelete(table, columns, DateTime)`:
  every column of the table but its primary key;
- `FillArrayWithColumn(table, column, keys, values, DateTime)`: that column;
- `NotifyProtocol(220 /*NT_FILL_ARRAY_WITH_COLUMN*/, ...)` with a time stamp for all
  columns or per value: those columns (reported inside QA119, as the official check does).

## Why is this bad
DataMiner only stores a value with the time stamp it came with when the parameter allows
it (`historySet`); otherwise the value is stored as "now" and trending, alarms and the
history of the value are wrong.

## Example
```xml
<Param id="10"><Name>temperature</Name><Type>read</Type>...</Param>
```
```csharp
protocol.SetParameter(Parameter.temperature, value, measuredAt);
```

## Use instead
```xml
<Param id="10" historySet="true"><Name>temperature</Name><Type>read</Type>...</Param>
```
"""

CODE = "QA115"
NAME = "history-set-missing"
SEVERITY = "error"
SUMMARY = "A QAction sets a value with a time stamp on a parameter without historySet"


def check(model):
    return model.csharp.problems_for(CODE)
