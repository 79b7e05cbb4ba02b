"""## What it does
Reports what a parameter group names by id that does not exist: the parameter of
`Group@dynamicId` and every `Group/Params/Param@id`.

## Why is this bad
The parameters of a group are the ones whose alarms are linked to the DCF interface; the
`dynamicId` parameter is the table whose rows become interfaces. A missing parameter is
silently skipped: alarms are not linked, interfaces are not created.

## Example
```xml
<Group id="1000" name="Input 1" type="in">
  <Params><Param id="101"/></Params>  <!-- no Param 101 -->
</Group>
```

## Use instead
```xml
<Group id="1000" name="Input 1" type="in">
  <Params><Param id="100"/></Params>
</Group>
```
"""

from dmlint.model.references import reported_by

CODE = "PGRP010"
NAME = "parameter-group-reference-unresolved"
SEVERITY = "error"
SUMMARY = "A parameter group names a parameter that does not exist"

check = reported_by(CODE)
