"""## What it does
Reports what an action names that does not exist:

- an id of `On@id`: the command, group, pair, parameter, response or timer it acts on;
- `Type@id` of a `timeout` or `set next` action on a pair: the parameter holding the time;
- `On@nr` of a `set next` action: the (1-based) position of the pair to wait before, in the
  group whose trigger runs the action: a position that is no number or beyond the group's
  pairs, a trigger that is not on a group, or no trigger running the action at all;
- `Type@nr` of a `set` or `set with wait` on a group: the connection to set over.

## Why is this bad
An action naming what does not exist does nothing there, silently: the group is not
polled, the timeout is the default one, the set goes nowhere.

## Example
```xml
<Action id="1"><On id="99">group</On><Type>execute</Type></Action>    <!-- no Group 99 -->
<Action id="2"><On id="1">pair</On><Type id="500">timeout</Type></Action>  <!-- no Param 500 -->
```

## Use instead
```xml
<Action id="1"><On id="1">group</On><Type>execute</Type></Action>
<Action id="2"><On id="1">pair</On><Type id="50">timeout</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import ACTION_ON_TARGETS
from dmlint.rules.actions._actions import action_type_problems, valid_actions

CODE = "ACT008"
NAME = "action-reference-unresolved"
SEVERITY = "error"
SUMMARY = "An action acts on, or takes a value from, something that does not exist"

MINE = ("6.7.5", "6.7.8", "6.7.9")
WHAT = {"command": "Command", "group": "Group", "pair": "Pair", "param": "Param", "response": "Response",
        "timer": "Timer"}


def check(model):
    for action in valid_actions(model):
        issues = model.action_on_issues.get(action.element)
        if issues is None:
            continue
        what = WHAT[ACTION_ON_TARGETS[action.on]]
        for part in issues.unresolved:
            yield Problem(action.on_element, f"{action.label} acts on {what} {part.strip()}, which does not exist",
                          attribute="id", official="6.3.5")
    for code, element, attribute, message, related in action_type_problems(model):
        if code in MINE:
            yield Problem(element, message, attribute=attribute, official=code, related=related)
