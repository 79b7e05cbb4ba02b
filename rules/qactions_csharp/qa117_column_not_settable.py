"""## What it does
Reports `FillArrayWithColumn` and `NotifyProtocol(220 /*NT_FILL_ARRAY_WITH_COLUMN*/)`
calls on columns a QAction may not fill:

- columns whose `ColumnOption@type` is not `custom`, `retrieved` or `snmp` (`index`,
  `autoincrement`, `concatenation`, `displaykey`, `state`, ...), or that have no
  `ColumnOption` in the table;
- columns whose `ColumnOption@options` has `element` or `severity` (DVE columns);
- columns a timer's `ping` option fills (`rttColumn`, `timestampColumn`, `jitterColumn`,
  `latencyColumn`, `packetLossRateColumn`) for the table of its `ip` option.

A table with a `viewTableKey` column is not checked.

## Why is this bad
DataMiner fills these columns itself: what the QAction writes is overwritten, or breaks
the feature the column belongs to (keys, DVEs, ping results).

## Example
```xml
<ColumnOption idx="2" pid="1003" type="concatenation" value="1,2"/>
```
```csharp
protocol.FillArrayWithColumn(Parameter.Links.tablePid, Parameter.Links.Pid.linkskey, keys, values);
```

## Use instead
Leave the column to DataMiner; fill the columns it is made of.
"""

CODE = "QA117"
NAME = "column-not-settable"
SEVERITY = "error"
SUMMARY = "A QAction fills a table column that DataMiner or a timer fills itself"


def check(model):
    return model.csharp.problems_for(CODE)
