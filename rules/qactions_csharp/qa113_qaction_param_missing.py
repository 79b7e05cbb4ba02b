"""## What it does
Reports `SLProtocol` calls whose parameter, table or column id (as the code states it)
names nothing in the protocol's `Params`:

- `GetParameter(pid)`, `SetParameter(pid, ...)`, `GetParameters(new uint[] { ... })`;
- `SetRow(table, ...)`, `FillArray(table, ...)`, `FillArrayNoDelete(table, ...)`;
- `FillArrayWithColumn(table, column, ...)` and `NotifyProtocol(220 /*NT_FILL_ARRAY_WITH_COLUMN*/, ...)`:
  both the table and the columns.

DataMiner's own parameter ranges (64300-69999 and 100000-999999) need not be in the
protocol and are not reported. An id the code computes at run time is never reported.

## Why is this bad
The call reads nothing or writes into nothing: the value is lost without an error, and
the feature depending on it silently does not work. Most often a parameter was renamed
or removed from the protocol and a QAction still names its old id.

## Example
```csharp
protocol.SetParameter(120, status);  // there is no Param 120
```

## Use instead
```csharp
protocol.SetParameter(Parameter.status, status);
```
"""

CODE = "QA113"
NAME = "qaction-param-missing"
SEVERITY = "error"
SUMMARY = "An SLProtocol call in a QAction names a parameter the protocol does not have"


def check(model):
    return model.csharp.problems_for(CODE)
