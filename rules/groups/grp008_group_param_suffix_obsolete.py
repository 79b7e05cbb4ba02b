"""## What it does
Reports a `Groups/Group/Content/Param` with the obsolete suffix `table` (`1000:table`).

## Why is this bad
`table` is the first version of the whole-table poll of a multi-threaded timer; `tablev2`
replaces it and is the only one maintained.

## Example
```xml
<Group id="1"><Content><Param>1000:table</Param></Content></Group>
```

## Use instead
```xml
<Group id="1"><Content><Param>1000:tablev2</Param></Content></Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.groups._groups import OBSOLETE_SUFFIXES, content_params, group_label, suffixed, valid_groups

CODE = "GRP008"
NAME = "group-param-suffix-obsolete"
SEVERITY = "error"
SUMMARY = "A parameter in a group has the obsolete suffix 'table'"


def check(model):
    for group in valid_groups(model):
        for param in content_params(group):
            found = suffixed(param)
            if found is not None and found[1][0] in OBSOLETE_SUFFIXES:
                suffix = found[1][0]
                yield Problem(param, f"{group_label(group)} polls <Param>{param.text.strip()}</Param> with the "
                                     f"obsolete suffix '{suffix}': write '{OBSOLETE_SUFFIXES[suffix]}'")
