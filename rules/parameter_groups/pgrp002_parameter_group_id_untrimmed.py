"""## What it does
Reports a `ParameterGroups/Group@id` with spaces (or other whitespace) around the number.

## Why is this bad
DataMiner reads the number, but tools that compare ids as text (DCF connections made in
scripts, Visual Overview, the official validator's own cross-checks) may not find the group.

## Example
```xml
<Group id=" 101" name="Input 1" type="in"/>
```

## Use instead
```xml
<Group id="101" name="Input 1" type="in"/>
```

## Fix safety
Safe: the fix removes the whitespace around the id, as written.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.trees import UNTRIMMED, read_part
from dmlint.rules.parameter_groups._groups import group_label

CODE = "PGRP002"
NAME = "parameter-group-id-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A parameter group id has surrounding whitespace"


def check(model):
    for element in model.section("parameter_group").items:
        raw = element.get("id")
        if raw is None:
            continue
        part = read_part(raw)
        if part.status == UNTRIMMED and part.plain:
            yield Problem(element, f"{group_label(element)} has id '{raw}' with surrounding whitespace: write "
                                   f"'{raw.strip()}'", attribute="id",
                          fix=Fix.of(trim_attribute(model.document, element, "id"), message="trim the id"))
