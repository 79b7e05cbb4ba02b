"""## What it does
Checks `Trigger@id` on every `Protocol/Triggers/Trigger`: it must be present, not empty,
and a plain unsigned integer (no sign, no leading zero).

## Why is this bad
Groups and other triggers run a trigger by its id, and DataMiner keeps triggers by id: a
trigger without a valid id never goes off, or cannot be told apart from another one.

## Example
```xml
<Trigger><Name>Startup</Name>...</Trigger>
<Trigger id="01"><Name>Poll</Name>...</Trigger>
```

## Use instead
```xml
<Trigger id="1"><Name>Startup</Name>...</Trigger>
<Trigger id="2"><Name>Poll</Name>...</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import id_problem

CODE = "TRG001"
NAME = "trigger-id-invalid"
SEVERITY = "error"
SUMMARY = "A trigger has no id, an empty id or an id that is not a plain unsigned number"


def check(model):
    for trigger in model.triggers:
        raw = trigger.element.get("id")
        problem = id_problem(raw)
        if problem == "missing":
            yield Problem(trigger.element, f"{trigger.label} has no id attribute", official="5.8.1")
        elif problem == "empty":
            yield Problem(trigger.element, f"{trigger.label} has an empty id", attribute="id", official="5.8.2")
        elif problem == "invalid":
            yield Problem(trigger.element, f"{trigger.label} has id '{raw.strip()}', which is not a plain unsigned "
                                           f"number (digits only, no leading zero)", attribute="id", official="5.8.4")
