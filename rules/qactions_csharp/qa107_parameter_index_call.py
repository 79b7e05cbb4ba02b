"""## What it does
Reports `protocol.GetParameterIndex(pid, ...)`, `protocol.SetParameterIndex(pid, ...)`
and `protocol.SetParametersIndex(pids, ...)` calls on parameters of the protocol that are
not matrices (`Measurement/Type` other than `matrix`). Only ids the code states (see
the evaluator in the C# analysis page) are judged.

## Why is this bad
These calls address a cell by its position. For a table, the position of a row changes
as rows come and go, so the call reads or writes the wrong row; the table methods
(`GetParameterIndexByKey`, `SetParameterIndexByKey`, `SetRow`, ...) address rows by key.

## Example
```csharp
protocol.SetParameterIndex(Parameter.Interfaces.tablePid, 3, 2, "up");
```

## Use instead
```csharp
protocol.SetParameterIndexByKey(Parameter.Interfaces.tablePid, key, 2, "up");
```
"""

CODE = "QA107"
NAME = "parameter-index-call"
SEVERITY = "warning"
SUMMARY = "A QAction reads or writes a non-matrix parameter by cell position"


def check(model):
    return model.csharp.problems_for(CODE)
