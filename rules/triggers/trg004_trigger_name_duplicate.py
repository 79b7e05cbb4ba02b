"""## What it does
Reports triggers (with a valid id) that share a `Name`, compared without case. One finding
per shared name, naming every trigger that has it.

## Why is this bad
The name is what the element log and the stream viewer show when a trigger goes off; two
triggers with one name make the flow impossible to follow (and are often a copy that was
not finished).

## Example
```xml
<Trigger id="1"><Name>After Poll</Name>...</Trigger>
<Trigger id="2"><Name>after poll</Name>...</Trigger>
```

## Use instead
```xml
<Trigger id="1"><Name>After Poll Status</Name>...</Trigger>
<Trigger id="2"><Name>After Poll Counters</Name>...</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import duplicate_names, label

CODE = "TRG004"
NAME = "trigger-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several triggers have the same name"


def check(model):
    for name, elements in duplicate_names(model.section("trigger").items):
        ids = ", ".join((element.get("id") or "").strip() for element in elements)
        yield Problem(child(elements[1], "Name"), f"{len(elements)} triggers are named '{name}' (ids {ids}): give "
                                                  f"each a name of its own",
                      related=tuple((child(element, "Name"), label("Trigger", element)) for element in elements))
