"""## What it does
Reports a `TreeControl@parameterId` that names a parameter whose type is neither `dummy`
nor `read` (or that has no type).

## Why is this bad
The tree control is shown where its parameter is positioned; DataMiner draws it for a
`dummy` (or `read`) parameter. A `write` or `bit` parameter has a value of its own to show or
set, and the tree control is not displayed as intended.

## Example
```xml
<Param id="10"><Name>Tree</Name><Type>write</Type></Param>
<TreeControls><TreeControl parameterId="10">...</TreeControl></TreeControls>
```

## Use instead
```xml
<Param id="10"><Name>Tree</Name><Type>dummy</Type></Param>
```
"""

from dmlint.rules.trees._trees import problems

CODE = "TREE003"
NAME = "tree-control-parameter-type"
SEVERITY = "error"
SUMMARY = "A tree control is displayed by a parameter that is not of type dummy or read"


def check(model):
    yield from problems(model, "wrong_type")
