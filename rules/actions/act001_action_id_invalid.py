"""## What it does
Checks `Action@id` on every `Protocol/Actions/Action`: it must be present, not empty, and a
plain unsigned integer (no sign, no leading zero).

## Why is this bad
Triggers and groups run an action by its id, and DataMiner keeps actions by id: an action
without a valid id never runs, or cannot be told apart from another one.

## Example
```xml
<Action><Name>Poll status</Name>...</Action>
<Action id="0012"><Name>Clear</Name>...</Action>
```

## Use instead
```xml
<Action id="11"><Name>Poll status</Name>...</Action>
<Action id="12"><Name>Clear</Name>...</Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import id_problem

CODE = "ACT001"
NAME = "action-id-invalid"
SEVERITY = "error"
SUMMARY = "An action has no id, an empty id or an id that is not a plain unsigned number"


def check(model):
    for action in model.actions:
        raw = action.element.get("id")
        problem = id_problem(raw)
        if problem == "missing":
            yield Problem(action.element, f"{action.label} has no id attribute", official="6.2.1")
        elif problem == "empty":
            yield Problem(action.element, f"{action.label} has an empty id", attribute="id", official="6.2.2")
        elif problem == "invalid":
            yield Problem(action.element, f"{action.label} has id '{raw.strip()}', which is not a plain unsigned "
                                          f"number (digits only, no leading zero)", attribute="id", official="6.2.4")
