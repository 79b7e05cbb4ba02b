"""## What it does
Checks the attributes and tags of every `Protocol/TreeControls/TreeControl` that hold ids:
each must be present where it is required, not empty, and hold ids (plain numbers where the
official checks ask for them):

- `TreeControl@parameterId` (required; a plain number);
- `Hierarchy@path` (plain table ids separated by `,`) and `Hierarchy/Table@id` (required;
  a plain number), `Table@parent`, `Table@condition` (`column:value`, optionally
  `;filter:fk=column`);
- `ExtraDetails/LinkedDetails@detailsTableId` and `@discreetColumnId` (both required);
- `ExtraTabs/Tab@tableId` (required) and `Tab@parameter` (required for `parameters`,
  `relation` and `summary` tabs; a `relation` or `summary` tab names one id);
- `HiddenColumns`, `ReadonlyColumns`, `OverrideIconColumns`, `OverrideDisplayColumns` (column
  ids separated by `,`; `column|sortColumn` in the last one).

One finding per attribute or tag, with every part that is not an id as a related note. The
parts of a tree control are checked only when its `parameterId` is a number.

## Why is this bad
DataMiner builds the tree from these ids: a value that is no id (often `;` written where `,`
separates the ids, or a name where the id belongs) drops that level, tab, detail or column
setting without telling anyone.

## Example
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000;2000"/>
  <HiddenColumns>1002;1003</HiddenColumns>
</TreeControl>
```

## Use instead
```xml
<TreeControl parameterId="10">
  <Hierarchy path="1000,2000"/>
  <HiddenColumns>1002,1003</HiddenColumns>
</TreeControl>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE001"
NAME = "tree-control-value-malformed"
SEVERITY = "error"
SUMMARY = "A tree control attribute or tag that holds ids is missing, empty or not ids"


def check(model):
    yield from problems(model, "malformed")
