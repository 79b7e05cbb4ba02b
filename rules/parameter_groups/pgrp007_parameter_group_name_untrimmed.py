"""## What it does
Reports a parameter group name with spaces (or other whitespace) around it.

## Why is this bad
The DCF interface gets the name as written, spaces included: scripts and Visual Overview
that look the interface up by its name do not find it.

## Example
```xml
<Group id="1" name=" Input 1 " type="in"/>
```

## Use instead
```xml
<Group id="1" name="Input 1" type="in"/>
```

## Fix safety
Safe: the fix removes the whitespace around the name, as written.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import MAX_NAME_LENGTH, RESTRICTED, group_label, valid_groups

CODE = "PGRP007"
NAME = "parameter-group-name-untrimmed"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "A parameter group name has surrounding whitespace"


def check(model):
    for element in valid_groups(model):
        raw = element.get("name")
        if raw is None or not raw.strip() or raw == raw.strip():
            continue
        if any(char in RESTRICTED for char in raw) or len(raw.strip()) > MAX_NAME_LENGTH:
            continue  # PGRP005, PGRP006 first
        yield Problem(element, f"{group_label(element)} has name '{raw}' with surrounding whitespace: write "
                               f"'{raw.strip()}'", attribute="name",
                      fix=Fix.of(trim_attribute(model.document, element, "name"), message="trim the name"))
