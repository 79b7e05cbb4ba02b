"""## What it does
Reports whitespace around what DataMiner reads from an action: `Action@id`, the ids of
`On@id` (one finding per attribute, naming each untrimmed id), the `On` and `Type` values,
and `On@nr`.

## Why is this bad
DataMiner trims most of these, but not every tool that reads the protocol does, and the
whitespace usually means the value was pasted or edited by hand: the id or value may not
be the one that was meant.

## Example
```xml
<Action id=" 1"><On id="10 ;11"> parameter</On><Type>copy </Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="10;11">parameter</On><Type>copy</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import ACTION_ON, ACTION_TYPE, id_problem, tag_problem
from dmlint.rules.actions._actions import valid_actions

CODE = "ACT003"
NAME = "action-value-untrimmed"
SEVERITY = "warning"
SUMMARY = "An action id, On, On@id, On@nr or Type has surrounding whitespace"


def check(model):
    for action in model.actions:
        raw = action.element.get("id")
        if id_problem(raw) == "untrimmed":
            yield Problem(action.element, f"{action.label} has id '{raw}' with surrounding whitespace: write "
                                          f"'{raw.strip()}'", attribute="id", official="6.2.3")
    for action in valid_actions(model):
        issues = model.action_on_issues.get(action.element)
        if issues is not None and issues.untrimmed:
            raw = action.on_id_raw
            parts = ", ".join(f"'{part}'" for part in issues.untrimmed)
            yield Problem(action.on_element, f"{action.label} has On@id '{raw}' with whitespace around {parts}: "
                                             f"write '{';'.join(part.strip() for part in raw.split(';'))}'",
                          attribute="id", official="6.3.3")
        if tag_problem(action.type_element, ACTION_TYPE) == "untrimmed":
            yield Problem(action.type_element, f"{action.label} has Type '{action.type_element.text}' with "
                                               f"surrounding whitespace: write '{action.type}'", official="6.5.3")
        if tag_problem(action.on_element, ACTION_ON) == "untrimmed":
            yield Problem(action.on_element, f"{action.label} has On '{action.on_element.text}' with surrounding "
                                             f"whitespace: write '{action.on}'", official="6.6.3")
        nr = action.on_element.get("nr") if action.on_element is not None else None
        if action.on and action.type and nr is not None and nr.strip() and nr != nr.strip():
            yield Problem(action.on_element, f"{action.label} has On@nr '{nr}' with surrounding whitespace: write "
                                             f"'{nr.strip()}'", attribute="nr", official="6.22.3")
