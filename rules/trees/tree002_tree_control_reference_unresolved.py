"""## What it does
Reports what a tree control names by id that does not exist: the parameter of
`TreeControl@parameterId`, the tables of `Hierarchy@path` and `Hierarchy/Table@id`/`@parent`,
the columns of `Table@condition`, `LinkedDetails@detailsTableId`/`@discreetColumnId`,
`Tab@tableId`/`@parameter`, and the columns listed in `HiddenColumns`, `ReadonlyColumns`,
`OverrideIconColumns` and `OverrideDisplayColumns` (one finding per list, each missing id a
related note). Ids are looked up as DataMiner does, a view table's column by its
`duplicateAs` id too.

## Why is this bad
The tree control silently leaves out what does not exist: a level of the hierarchy, a
detail pane, a tab, a hidden or read-only column. A renumbered table or column is the usual
cause, and nothing else says so.

## Example
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2100"/>  <!-- no Param 2100 -->
</TreeControl>
```

## Use instead
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2000"/>
</TreeControl>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE002"
NAME = "tree-control-reference-unresolved"
SEVERITY = "error"
SUMMARY = "A tree control names a parameter, table or column that does not exist"


def check(model):
    yield from problems(model, "unresolved")
