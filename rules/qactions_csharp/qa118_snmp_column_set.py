"""## What it does
Reports `FillArrayWithColumn` and `NotifyProtocol(220 /*NT_FILL_ARRAY_WITH_COLUMN*/)`
calls on columns whose `ColumnOption@type` is `snmp`.

## Why is this bad
An SNMP column is filled by polling the device; a value the QAction writes is replaced at
the next poll, so it is only right by accident. Fill a `retrieved` column instead, or set
the value on the device.

## Example
```xml
<ColumnOption idx="1" pid="1002" type="snmp"/>
```
```csharp
protocol.FillArrayWithColumn(Parameter.Ports.tablePid, Parameter.Ports.Pid.portsstatus, keys, values);
```

## Use instead
```xml
<ColumnOption idx="1" pid="1002" type="retrieved"/>
```
"""

CODE = "QA118"
NAME = "snmp-column-set"
SEVERITY = "warning"
SUMMARY = "A QAction fills a table column that is polled over SNMP"


def check(model):
    return model.csharp.problems_for(CODE)
