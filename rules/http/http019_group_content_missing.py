"""## What it does
Reports groups without a `<Content>` element, except in two cases where an empty
group is deliberate:

- the group is the only group of the protocol (a protocol needs at least one
  group for some of its threads to start);
- the group is run by a multi-threaded timer (a `Timer` whose `options` include
  `ip:`), which fills it at run time.

## Why is this bad
Executing such a group does nothing: whatever it was meant to poll or trigger
never happens, and the timer or action that runs it hides the gap.

## Example
```xml
<Group id="4">
  <Name>Poll status</Name>
</Group>
```

## Use instead
```xml
<Group id="4">
  <Name>Poll status</Name>
  <Content><Pair>4</Pair></Content>
</Group>
```
"""

from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem
from dmlint.rules.http._groups import groups, multithreaded_group_ids

CODE = "HTTP019"
NAME = "group-content-missing"
SEVERITY = "error"
SUMMARY = "A group has no Content"


def check(model):
    all_groups = groups(model)
    if len(all_groups) <= 1:
        return
    multithreaded = None
    for group in all_groups:
        if group.content is not None or group.type is None:
            continue
        if multithreaded is None:
            multithreaded = multithreaded_group_ids(model)
        if normalize_id(group.raw_id) in multithreaded:
            continue
        yield Problem(group.element, f"{group.label} has no <Content>: list what it should execute, or remove "
                                     f"the group")
