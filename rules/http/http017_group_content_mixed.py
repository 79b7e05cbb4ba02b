"""## What it does
Reports poll groups (type `poll`, or no type) whose content mixes kinds of items:
parameters, pairs and HTTP sessions together in one group.

## Why is this bad
A poll group is executed as one unit on one connection. Mixing kinds of items
makes DataMiner handle the group item by item in a way that depends on the kind,
so the order and timing of the polls are not what the group suggests. Put each
kind in its own group.

## Example
```xml
<Group id="2">
  <Content>
    <Pair>10</Pair>
    <Session>1</Session>
  </Content>
</Group>
```

## Use instead
```xml
<Group id="2"><Content><Pair>10</Pair></Content></Group>
<Group id="3"><Content><Session>1</Session></Content></Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._groups import ALLOWED_CONTENT, groups, local

CODE = "HTTP017"
NAME = "group-content-mixed"
SEVERITY = "error"
SUMMARY = "A poll group mixes parameters, pairs and sessions"


def check(model):
    allowed = ALLOWED_CONTENT["poll"]
    for group in groups(model):
        if group.type != "poll":
            continue
        kinds = sorted({local(item) for item in group.items()} & set(allowed))
        if len(kinds) > 1:
            yield Problem(group.content, f"poll {group.label} mixes {' and '.join('<' + k + '>' for k in kinds)} "
                                         f"items: put each kind in its own group")
