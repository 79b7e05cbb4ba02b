"""## What it does
Reports a `Groups/Group/Content/Param` whose suffix (after the `:`) is not one DataMiner
knows: `single`, `instance`, `tablev2` or `getnext` (written in lower case). The obsolete
`table` is GRP008's.

## Why is this bad
The suffix tells a multi-threaded timer how to poll the parameter for each row (one value,
by instance, the whole table, a walk). An unknown suffix is ignored or breaks the poll of
that row.

## Example
```xml
<Group id="1"><Content><Param>1000:instances</Param></Content></Group>
```

## Use instead
```xml
<Group id="1"><Content><Param>1000:instance</Param></Content></Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.groups._groups import (
    ALLOWED_SUFFIXES,
    OBSOLETE_SUFFIXES,
    content_params,
    group_label,
    suffixed,
    valid_groups,
)

CODE = "GRP007"
NAME = "group-param-suffix-unknown"
SEVERITY = "error"
SUMMARY = "A parameter in a group has a suffix DataMiner does not know"


def check(model):
    for group in valid_groups(model):
        for param in content_params(group):
            found = suffixed(param)
            if found is None:
                continue
            suffix = found[1][0]
            if suffix not in ALLOWED_SUFFIXES and suffix not in OBSOLETE_SUFFIXES:
                yield Problem(param, f"{group_label(group)} polls <Param>{param.text.strip()}</Param> with suffix "
                                     f"'{suffix}', which is none of {', '.join(ALLOWED_SUFFIXES)}")
