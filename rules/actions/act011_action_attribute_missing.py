"""## What it does
Reports an attribute an action's type needs and lacks:

- `On@id` on an action on a group or a timer, and on a `timeout` on a pair (what to act on);
- `Type@id` on a `timeout` on a pair (the parameter holding the timeout);
- `On@nr` on a `set next` on a pair (the position of the pair);
- `Type@id` or `Type@value` on a `set next` (the parameter holding, or the value of, the
  time to wait).

## Why is this bad
Without it DataMiner has nothing to act on or no value to use: the action does nothing,
or uses a default nobody chose.

## Example
```xml
<Action id="1"><On>group</On><Type>execute</Type></Action>
<Action id="2"><On id="1">pair</On><Type>timeout</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="1">group</On><Type>execute</Type></Action>
<Action id="2"><On id="1">pair</On><Type id="50">timeout</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.actions._actions import action_type_problems

CODE = "ACT011"
NAME = "action-attribute-missing"
SEVERITY = "error"
SUMMARY = "An action lacks an attribute its type needs (On@id, On@nr, Type@id or Type@value)"

MINE = ("6.7.2", "6.7.3", "6.7.4", "6.7.6")


def check(model):
    for code, element, attribute, message, related in action_type_problems(model):
        if code in MINE:
            yield Problem(element, message, attribute=attribute, official=code, related=related)
