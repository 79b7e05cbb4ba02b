"""## What it does
Checks `Hierarchy/Table@parent` of a tree control: the first `Table` is the top of the tree
and has no parent; every other `Table` names the table it sits below.

## Why is this bad
DataMiner builds the levels of the tree from the parents: a top level with a parent, or a
lower level without one, cannot be placed, and that part of the tree is not shown.

## Example
```xml
<Hierarchy>
  <Table id="1000" parent="2000"/>
  <Table id="2000"/>
</Hierarchy>
```

## Use instead
```xml
<Hierarchy>
  <Table id="1000"/>
  <Table id="2000" parent="1000"/>
</Hierarchy>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE006"
NAME = "hierarchy-parent-misplaced"
SEVERITY = "error"
SUMMARY = "The first hierarchy table has a parent, or a later one has none"


def check(model):
    yield from problems(model, "parent")
