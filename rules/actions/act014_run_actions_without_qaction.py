"""## What it does
Reports a `run actions` action whose `On@id` names a parameter that no QAction triggers on
(`QAction@triggers`, QActions with `options="group"` aside). One finding per parameter.

## Why is this bad
`run actions` exists to run the QActions of a parameter without changing its value; on a
parameter no QAction triggers on it does nothing.

## Example
```xml
<Action id="1"><On id="10">parameter</On><Type>run actions</Type></Action>
<QAction id="2" triggers="11" .../>
```

## Use instead
```xml
<Action id="1"><On id="11">parameter</On><Type>run actions</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.actions._actions import valid_actions

CODE = "ACT014"
NAME = "run-actions-without-qaction"
SEVERITY = "warning"
SUMMARY = "A run actions action is on a parameter that triggers no QAction"


def check(model):
    actions = [action for action in valid_actions(model) if action.type == "run actions" and action.on is not None]
    if not actions:
        return
    triggering = model.qaction_trigger_params
    for action in actions:
        for pid in action.on_ids:
            if pid not in triggering:
                yield Problem(action.on_element, f"{action.label} runs the actions of Param {pid}, but no QAction "
                                                 f"triggers on it", attribute="id", official="6.23.1")
