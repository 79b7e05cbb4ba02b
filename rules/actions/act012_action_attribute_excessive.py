"""## What it does
Reports an attribute an action has that its type does not use:

- `On@nr`, except on `set next` on a pair and `reverse` on a parameter;
- both `Type@id` and `Type@value` on a `set next` (one of the two gives the time).

## Why is this bad
DataMiner ignores the attribute (or one of the two): whoever reads the protocol believes
it does something, and the value that counts may not be the one intended.

## Example
```xml
<Action id="1"><On id="1" nr="1">group</On><Type>execute</Type></Action>
<Action id="2"><On nr="1">pair</On><Type id="50" value="1000">set next</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="1">group</On><Type>execute</Type></Action>
<Action id="2"><On nr="1">pair</On><Type value="1000">set next</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.actions._actions import action_type_problems

CODE = "ACT012"
NAME = "action-attribute-excessive"
SEVERITY = "error"
SUMMARY = "An action has an attribute its type does not use (On@nr, or both Type@id and Type@value)"

MINE = ("6.7.7", "6.7.100")


def check(model):
    for code, element, attribute, message, related in action_type_problems(model):
        if code in MINE:
            yield Problem(element, message, attribute=attribute, official=code, related=related)
