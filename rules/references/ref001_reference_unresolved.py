"""## What it does
Follows every place where a protocol names a parameter, table or column by id and
reports the ids that name nothing. The places come from one table
(`dmlint/references.py`): QAction inputs (`inputParameters`); action `Type@id` of `copy`
and `copy reverse`; parameter dependencies
(`Discreets@dependencyId`, `LengthType@id`, `Monitored@disabledIf`); the `foreignKey=`
of a column; SNMP `OID@id`; page visibility; DVE `exportProtocol`.

Where a table is expected (foreign keys, DVE exports, `DVEProtocol@tablePID`), the
parameter must be of type `array`.
HTTP session references, `Param/Type@id`, `NotifyConnectionPIDs`, `Dependencies/Id`, the
table columns (`ColumnOption@pid`, `naming=`, `NamingFormat`), the `id:N` of conditions,
what groups, triggers, actions and timers name, export rules, parameter groups, relations,
tree controls, QAction triggers, the content and `ascii` of commands, the content of
responses and what pairs name are checked by their own rules (HTTP, PRM007, WS, PRM222,
PRM201, PRM203, PRM204, COND, GRP, TRG, ACT, TMR, EXP, PGRP, REL, TREE, QA, CMD, RSP, PAIR) and
are not repeated here.

Findings carry the official code of the site when the official validator has a check for it.

## Why is this bad
A reference to a missing parameter is silently dropped at runtime: the QAction
never triggers, the condition is always false, the response field is not stored,
the table column is not linked.

## Example
```xml
<QAction id="100" triggers="25">...</QAction>      <!-- no Param 25 -->
<ColumnOption idx="1" pid="1002" options=";foreignKey=300"/>  <!-- Param 300 is not a table -->
```

## Use instead
```xml
<QAction id="100" triggers="20">...</QAction>
<ColumnOption idx="1" pid="1002" options=";foreignKey=1000"/> <!-- Param 1000 is an array -->
```
"""

from dmlint.model.references import reported_by

CODE = "REF001"
NAME = "reference-unresolved"
SEVERITY = "error"
SUMMARY = "An id names no parameter, or no table where a table is expected"

check = reported_by(CODE)
