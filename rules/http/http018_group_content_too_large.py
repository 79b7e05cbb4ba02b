"""## What it does
Reports poll groups (type `poll`, or no type) with more than 10 items, or more
than 20 when the content has `multipleGet="true"`.

## Why is this bad
A poll group is executed in one go and holds the protocol thread until every
item is done. Large groups delay everything else on the connection (other
polls, writes from operators) and one slow item slows them all. Split the group.

## Example
```xml
<Group id="1">
  <Content>
    <Param>1</Param> ... <Param>12</Param>
  </Content>
</Group>
```

## Use instead
Two groups of 6 parameters, or `multipleGet="true"` when the device returns
them in one request (up to 20).
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._groups import MAX_ITEMS, MAX_ITEMS_MULTIPLE_GET, groups

CODE = "HTTP018"
NAME = "group-content-too-large"
SEVERITY = "warning"
SUMMARY = "A poll group has more items than it should (10, or 20 with multipleGet)"


def check(model):
    for group in groups(model):
        if group.type != "poll":
            continue
        count = len(group.items())
        if group.multiple_get and count > MAX_ITEMS_MULTIPLE_GET:
            yield Problem(group.content, f"poll {group.label} has {count} items: with multipleGet keep it to "
                                         f"{MAX_ITEMS_MULTIPLE_GET} or fewer", official="4.10.3")
        elif not group.multiple_get and count > MAX_ITEMS:
            yield Problem(group.content, f"poll {group.label} has {count} items: keep it to {MAX_ITEMS} or fewer "
                                         f"(or {MAX_ITEMS_MULTIPLE_GET} with multipleGet)", official="4.10.4")
