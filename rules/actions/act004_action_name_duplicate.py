"""## What it does
Reports actions (with a valid id) that share a `Name`, compared without case. One finding
per shared name, naming every action that has it.

## Why is this bad
The name is what the element log and the stream viewer show when an action runs; two
actions with one name make the flow impossible to follow (and are often a copy that was
not finished).

## Example
```xml
<Action id="1"><Name>Poll</Name>...</Action>
<Action id="2"><Name>POLL</Name>...</Action>
```

## Use instead
```xml
<Action id="1"><Name>Poll Status</Name>...</Action>
<Action id="2"><Name>Poll Counters</Name>...</Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import duplicate_names, label

CODE = "ACT004"
NAME = "action-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several actions have the same name"


def check(model):
    for name, elements in duplicate_names(model.section("action").items):
        ids = ", ".join((element.get("id") or "").strip() for element in elements)
        yield Problem(child(elements[1], "Name"), f"{len(elements)} actions are named '{name}' (ids {ids}): give "
                                                  f"each a name of its own",
                      related=tuple((child(element, "Name"), label("Action", element)) for element in elements))
