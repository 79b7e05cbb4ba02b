"""## What it does
Reports a `ParameterGroups/Group@dynamicId` that is empty or not a parameter id.

## Why is this bad
`dynamicId` names the table whose rows become DCF interfaces (one per row, with
`dynamicIndex`). A value that is no id names no table, so no interface is ever created.

## Example
```xml
<Group id="2001" name="Ports" dynamicId="Ports table" dynamicIndex="*"/>
```

## Use instead
```xml
<Group id="2001" name="Ports" dynamicId="1000" dynamicIndex="*"/>
```
"""

from dmlint.model.references import reported_by

CODE = "PGRP009"
NAME = "parameter-group-dynamic-id-malformed"
SEVERITY = "error"
SUMMARY = "A parameter group's dynamicId is empty or not an id"

check = reported_by(CODE)
