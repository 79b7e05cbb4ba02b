"""## What it does
For a tree control whose parameter is displayed (`RTDisplay` true), reports the columns and
tables it shows that are not: the column of a `Hierarchy/Table@condition`, the table of
`LinkedDetails@detailsTableId` (the table itself, or the table of the column it names) and
the column of `LinkedDetails@discreetColumnId`.

## Why is this bad
DataMiner only sends the parameters with `RTDisplay` true to the client: a tree that filters
on, or shows details from, a parameter that is not displayed finds no values there, and the
level or detail pane stays empty.

## Example
```xml
<Param id="1002"><Name>Ports_Type</Name><Type>read</Type></Param>   <!-- no RTDisplay -->
<Hierarchy><Table id="1000" condition="1002:Ethernet"/></Hierarchy>
```

## Use instead
```xml
<Param id="1002"><Name>Ports_Type</Name><Type>read</Type>
  <Display><RTDisplay>true</RTDisplay></Display>
</Param>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE009"
NAME = "tree-control-rtdisplay-missing"
SEVERITY = "error"
SUMMARY = "A displayed tree control shows a column or table that has no RTDisplay"


def check(model):
    yield from problems(model, "rtdisplay")
