"""## What it does
Checks `Action/On@id`, the items the action works on: when present it must not be empty,
and each `;`-separated id must be a plain unsigned number (no sign, no leading zero). One
finding per attribute, naming each id that is not.

## Why is this bad
DataMiner skips what it cannot read: the action acts on fewer items than written (or on
none), silently.

## Example
```xml
<Action id="1"><On id="">group</On><Type>execute</Type></Action>
<Action id="2"><On id="10;x;011">parameter</On><Type>increment</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="1">group</On><Type>execute</Type></Action>
<Action id="2"><On id="10;11">parameter</On><Type>increment</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.actions._actions import valid_actions

CODE = "ACT007"
NAME = "action-on-id-invalid"
SEVERITY = "error"
SUMMARY = "An action's On@id is empty or holds a value that is not a plain unsigned number"


def check(model):
    for action in valid_actions(model):
        issues = model.action_on_issues.get(action.element)
        if issues is None:
            continue
        if issues.empty:
            yield Problem(action.on_element, f"{action.label} has an empty On@id: name what it acts on",
                          attribute="id", official="6.3.2")
        elif issues.invalid:
            parts = ", ".join(f"'{part}'" for part in issues.invalid)
            yield Problem(action.on_element, f"{action.label} has On@id '{action.on_id_raw}', in which {parts} "
                                             f"{'is' if len(issues.invalid) == 1 else 'are'} not a plain unsigned "
                                             f"number", attribute="id", official="6.3.4")
