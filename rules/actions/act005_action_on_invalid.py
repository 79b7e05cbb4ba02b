"""## What it does
Checks `Action/On`, what the action works on: it must be there and be one of `command`,
`group`, `pair`, `parameter`, `protocol`, `response` or `timer` (any case).

## Why is this bad
Without a readable `On` DataMiner does not know what to act on: the action does nothing.

## Example
```xml
<Action id="1"><Name>Poll</Name><Type>execute</Type></Action>
<Action id="2"><On id="1">groups</On><Type>execute</Type></Action>
```

## Use instead
```xml
<Action id="1"><Name>Poll</Name><On id="1">group</On><Type>execute</Type></Action>
<Action id="2"><On id="1">group</On><Type>execute</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import ACTION_ON, tag_problem
from dmlint.rules.actions._actions import valid_actions

CODE = "ACT005"
NAME = "action-on-invalid"
SEVERITY = "error"
SUMMARY = "An action has no On, an empty On or an On that is no known kind of item"


def check(model):
    for action in valid_actions(model):
        problem = tag_problem(action.on_element, ACTION_ON)
        if problem == "missing":
            yield Problem(action.element, f"{action.label} has no On: say what it acts on", official="6.6.1")
        elif problem == "empty":
            yield Problem(action.on_element, f"{action.label} has an empty On", official="6.6.2")
        elif problem == "invalid":
            yield Problem(action.on_element, f"{action.label} is on '{action.on_element.text.strip()}', which is "
                                             f"none of {', '.join(ACTION_ON)}", official="6.6.4")
