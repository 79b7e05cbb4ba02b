"""## What it does
Reports timers (with a valid id) that share a `Name`, compared without case. One finding
per shared name, naming every timer that has it.

## Why is this bad
The name is what the element log and the stream viewer show when a timer goes off; two
timers with one name make it impossible to tell which one runs (and are often a copy that
was not finished).

## Example
```xml
<Timer id="1"><Name>Fast</Name>...</Timer>
<Timer id="2"><Name>fast</Name>...</Timer>
```

## Use instead
```xml
<Timer id="1"><Name>Fast (5 s)</Name>...</Timer>
<Timer id="2"><Name>Slow (1 min)</Name>...</Timer>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import duplicate_names, label

CODE = "TMR004"
NAME = "timer-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several timers have the same name"


def check(model):
    for name, elements in duplicate_names(model.section("timer").items):
        ids = ", ".join((element.get("id") or "").strip() for element in elements)
        yield Problem(child(elements[1], "Name"), f"{len(elements)} timers are named '{name}' (ids {ids}): give "
                                                  f"each a name of its own",
                      related=tuple((child(element, "Name"), label("Timer", element)) for element in elements))
