"""## What it does
Checks `Action/On@nr` (the positions a `reverse` action on a parameter works on, or the
pair positions of `set next`) when present on an action with a readable `On` and `Type`:
it must not be empty, and (except for `set next`, whose positions ACT008 checks against
the group) each `;`-separated value must be an unsigned number.

## Why is this bad
DataMiner cannot read the positions: the action works on none of them.

## Example
```xml
<Action id="1"><On id="10" nr="">parameter</On><Type>reverse</Type></Action>
<Action id="2"><On id="10" nr="0;x">parameter</On><Type>reverse</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="10" nr="0;1">parameter</On><Type>reverse</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import dotnet_uint
from dmlint.rules.actions._actions import typed_actions

CODE = "ACT009"
NAME = "action-on-nr-invalid"
SEVERITY = "error"
SUMMARY = "An action's On@nr is empty or holds a value that is not an unsigned number"


def check(model):
    for action in typed_actions(model):
        nr = action.on_element.get("nr")
        if nr is None:
            continue
        if not nr.strip():
            yield Problem(action.on_element, f"{action.label} has an empty On@nr", attribute="nr", official="6.22.2")
        elif action.type != "set next":
            bad = [part for part in nr.split(";") if dotnet_uint(part) is None]
            if bad:
                parts = ", ".join(f"'{part}'" for part in bad)
                yield Problem(action.on_element, f"{action.label} has On@nr '{nr}', in which {parts} "
                                                 f"{'is' if len(bad) == 1 else 'are'} no position (an unsigned "
                                                 f"number)", attribute="nr", official="6.22.4")
