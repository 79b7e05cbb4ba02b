"""## What it does
Checks `Action/Type`, what the action does: it must be there and be one of DataMiner's
action types (`execute`, `copy`, `run actions`, ... any case).

## Why is this bad
Without a readable type DataMiner does not know what to do: the action does nothing when
it runs.

## Example
```xml
<Action id="1"><On id="1">group</On></Action>
<Action id="2"><On id="1">group</On><Type>exectue</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="1">group</On><Type>execute</Type></Action>
<Action id="2"><On id="1">group</On><Type>execute</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import ACTION_TYPE, tag_problem
from dmlint.rules.actions._actions import valid_actions

CODE = "ACT006"
NAME = "action-type-invalid"
SEVERITY = "error"
SUMMARY = "An action has no Type, an empty Type or a Type that DataMiner does not know"


def check(model):
    for action in valid_actions(model):
        problem = tag_problem(action.type_element, ACTION_TYPE)
        if problem == "missing":
            yield Problem(action.element, f"{action.label} has no Type: say what it does", official="6.5.1")
        elif problem == "empty":
            yield Problem(action.type_element, f"{action.label} has an empty Type", official="6.5.2")
        elif problem == "invalid":
            import difflib  # only for the hint (a module dmlint does not load otherwise)

            value = action.type_element.text.strip()
            close = difflib.get_close_matches(value.lower(), ACTION_TYPE, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            yield Problem(action.type_element, f"{action.label} has Type '{value}', which is no action type{hint}",
                          official="6.5.4")
