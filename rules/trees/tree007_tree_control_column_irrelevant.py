"""## What it does
Reports a column in `HiddenColumns`, `ReadonlyColumns`, `OverrideIconColumns` or
`OverrideDisplayColumns` that belongs to no table the tree control shows (its hierarchy, its
extra tabs and its extra details; a view table's column counts for the view table).

## Why is this bad
The setting has no effect: the column never appears in this tree. Usually the column was
moved to another table, or the list was copied from another tree control.

## Example
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2000"/>
  <ReadonlyColumns>1002,5002</ReadonlyColumns>  <!-- 5002 is a column of table 5000 -->
</TreeControl>
```

## Use instead
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2000"/>
  <ReadonlyColumns>1002</ReadonlyColumns>
</TreeControl>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE007"
NAME = "tree-control-column-irrelevant"
SEVERITY = "error"
SUMMARY = "A tree control setting names a column of a table the tree does not show"


def check(model):
    yield from problems(model, "irrelevant")
