"""## What it does
Reports parameter, table and column ids written as numbers (literals, arithmetic,
constants or variables holding them) in the `SLProtocol` calls of QA113 instead of the
QAction helper's `Parameter` class (`Parameter.status`, `Parameter.Write.setpoint`,
`Parameter.Interfaces.tablePid`, `Parameter.Interfaces.Pid.interfacesstatus`, ...).
A constant or variable holding a `Parameter` value counts as the `Parameter` class.

Not reported: DataMiner's own parameter ranges; for `GetParameter` and `GetParameters`,
ids of parameters that are neither read nor write (a polling ip, ...). The generated
names are worked out from the protocol as DataMiner's helper generator makes them.

## Why is this bad
A hard-coded id keeps compiling when the parameter is removed or renumbered, and then
silently reads or writes the wrong thing. `Parameter.*` names stop compiling instead,
and say what the code is about.

## Example
```csharp
protocol.SetParameter(12, status);
```

## Use instead
```csharp
protocol.SetParameter(Parameter.status, status);
```
"""

CODE = "QA114"
NAME = "hard-coded-param-id"
SEVERITY = "warning"
SUMMARY = "An SLProtocol call in a QAction writes a parameter id as a number"


def check(model):
    return model.csharp.problems_for(CODE)
