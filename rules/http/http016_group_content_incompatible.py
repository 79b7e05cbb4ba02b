"""## What it does
Checks that what a group contains matches its `Type` (no `Type` means `poll`):

| Type | may contain |
|---|---|
| `poll` | `Param`, `Pair`, `Session` |
| `action`, `poll action` | `Action` |
| `trigger`, `poll trigger` | `Trigger` |

One finding per item that does not fit.

## Why is this bad
DataMiner executes a group according to its type and ignores content of another
kind: an `action` group listing a `Pair` never sends that pair, a `poll` group
listing an `Action` never runs it. The protocol looks right but does nothing.

## Example
```xml
<Group id="5">
  <Type>action</Type>
  <Content><Pair>3</Pair></Content>
</Group>
```

## Use instead
```xml
<Group id="5">
  <Content><Pair>3</Pair></Content>   <!-- a poll group -->
</Group>
```
or keep the `action` type and list the `Action` that should run.
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._groups import ALLOWED_CONTENT, groups, local

CODE = "HTTP016"
NAME = "group-content-incompatible"
SEVERITY = "error"
SUMMARY = "A group contains an item its type cannot execute"


def check(model):
    for group in groups(model):
        group_type = group.type
        if group_type is None:
            continue  # unknown Type values are the schema's business
        allowed = ALLOWED_CONTENT[group_type]
        for item in group.items():
            name = local(item)
            if name not in allowed:
                yield Problem(item, f"{group.label} is a '{group_type}' group but contains a <{name}>: it may "
                                    f"only contain {', '.join('<' + a + '>' for a in allowed)}")
