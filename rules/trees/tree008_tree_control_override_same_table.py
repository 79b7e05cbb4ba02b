"""## What it does
Reports `OverrideDisplayColumns` or `OverrideIconColumns` of a tree control that list more
than one column of the same table (one finding per table, its columns as related notes).

## Why is this bad
Each table of the tree takes its display name (or icon) from one column; with two columns of
one table only one of them is used, and which one is not something the protocol controls.

## Example
```xml
<OverrideDisplayColumns>1002,1003,2002</OverrideDisplayColumns>  <!-- 1002 and 1003: table 1000 -->
```

## Use instead
```xml
<OverrideDisplayColumns>1002,2002</OverrideDisplayColumns>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE008"
NAME = "tree-control-override-same-table"
SEVERITY = "error"
SUMMARY = "A tree control overrides the display or icon of one table with several columns"


def check(model):
    yield from problems(model, "same_table")
