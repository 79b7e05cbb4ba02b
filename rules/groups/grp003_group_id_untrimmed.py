"""## What it does
Reports a `Group@id` with spaces (or other whitespace) around the number.

## Why is this bad
Most of DataMiner trims the id, but not every tool that reads the protocol does: the
group may not be found by the ones that compare the text.

## Example
```xml
<Group id=" 10 ">...</Group>
```

## Use instead
```xml
<Group id="10">...</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import id_problem
from dmlint.rules.groups._groups import group_label

CODE = "GRP003"
NAME = "group-id-untrimmed"
SEVERITY = "warning"
SUMMARY = "A group id has surrounding whitespace"


def check(model):
    for group in model.section("group").items:
        raw = group.get("id")
        if id_problem(raw) == "untrimmed":
            yield Problem(group, f"{group_label(group)} has id '{raw}' with surrounding whitespace: write "
                                 f"'{raw.strip()}'", attribute="id")
