"""## What it does
Reports tree control ids written with spaces (or other whitespace) around them:
`TreeControl@parameterId`, `Hierarchy@path`, `Hierarchy/Table@id`, `@parent`, the columns of
`Table@condition` (the value to filter on may have spaces: it is compared as written),
`LinkedDetails@detailsTableId`, `@discreetColumnId`, `Tab@tableId`, `Tab@parameter` and the
ids of `HiddenColumns`, `ReadonlyColumns`, `OverrideIconColumns` and
`OverrideDisplayColumns`.

## Why is this bad
DataMiner reads the numbers, but the tools that compare the ids as text (and the official
validator's own cross-checks) may not find the table or column.

## Example
```xml
<TreeControl parameterId=" 10 ">
  <HiddenColumns> 1002, 1003 </HiddenColumns>
</TreeControl>
```

## Use instead
```xml
<TreeControl parameterId="10">
  <HiddenColumns>1002,1003</HiddenColumns>
</TreeControl>
```

## Fix safety
Safe: the fix writes the ids without the whitespace around them (lists joined with `,`), as
the official code fix does; a condition's column is left to be edited by hand.
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE004"
NAME = "tree-control-value-untrimmed"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "A tree control id has surrounding whitespace"


def check(model):
    yield from problems(model, "untrimmed", fixable=True)
