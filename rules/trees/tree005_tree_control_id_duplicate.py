"""## What it does
Reports an id listed twice in `Hierarchy@path`, `HiddenColumns`, `ReadonlyColumns`,
`OverrideIconColumns` or `OverrideDisplayColumns` of a tree control: one finding per
repetition.

## Why is this bad
A table appears once in a tree's hierarchy and a column is hidden or read-only once; the
repetition is a copy-paste leftover, often where another table or column was meant.

## Example
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2000,2000"/>
</TreeControl>
```

## Use instead
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2000,3000"/>
</TreeControl>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE005"
NAME = "tree-control-id-duplicate"
SEVERITY = "error"
SUMMARY = "A tree control lists the same table or column twice"


def check(model):
    yield from problems(model, "duplicate")
