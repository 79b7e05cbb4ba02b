"""## What it does
Reports parameter groups (with a valid id) that share a name, compared without case and
without the spaces around it. One finding per name, on its first group; the others are
listed as related places.

## Why is this bad
DCF interfaces are looked up by name (in scripts, Visual Overview and the connectivity
editors): with two interfaces of one name, connections end up on the wrong one.

## Example
```xml
<Group id="1" name="Input" type="in"/>
<Group id="2" name="input" type="in"/>
```

## Use instead
```xml
<Group id="1" name="Input 1" type="in"/>
<Group id="2" name="Input 2" type="in"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.parameter_groups._groups import group_label, valid_groups

CODE = "PGRP008"
NAME = "parameter-group-name-duplicate"
SEVERITY = "error"
SUMMARY = "Several parameter groups have the same name"


def check(model):
    by_name: dict[str, list] = {}
    for element in valid_groups(model):
        name = (element.get("name") or "").strip()
        if name:
            by_name.setdefault(name.lower(), []).append(element)
    for elements in by_name.values():
        if len(elements) > 1:
            name = elements[0].get("name").strip()
            yield Problem(elements[0], f"{len(elements)} parameter groups are named '{name}': "
                                       f"{', '.join(group_label(element) for element in elements)}", attribute="name",
                          related=tuple((element, f"{group_label(element)} has the same name")
                                        for element in elements[1:]))
