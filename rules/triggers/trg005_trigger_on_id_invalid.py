"""## What it does
Checks `Trigger/On@id` of a trigger on a command, group, pair, parameter, response, session
or timer: it must be there, not be empty, and hold one id (a plain unsigned number, no
leading zero) or `each`. Several ids (`1;2`) are not allowed: a trigger goes off on one
item, or on each.

## Why is this bad
Without a readable id the trigger never goes off. `0010` is read as 10 by some parts of
DataMiner and not by others; `1;2` is read as no id at all.

## Example
```xml
<Trigger id="1"><On>parameter</On><Time>change</Time>...</Trigger>
<Trigger id="2"><On id="10;11">parameter</On><Time>change</Time>...</Trigger>
```

## Use instead
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time>...</Trigger>
<Trigger id="2"><On id="10">parameter</On><Time>change</Time>...</Trigger>
<Trigger id="3"><On id="11">parameter</On><Time>change</Time>...</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG005"
NAME = "trigger-on-id-invalid"
SEVERITY = "error"
SUMMARY = "A trigger's On@id is missing, empty, several ids, or not a plain number or 'each'"

MESSAGES = {
    "missing": ("{label} is on a {on} but has no On@id: write the id of the {on}, or each", "5.1.1"),
    "empty": ("{label} has an empty On@id: write the id of the {on}, or each", "5.1.3"),
    "leading-zeros": ("{label} is on id '{value}', written with leading zeros: write it without", "5.1.7"),
    "multiple": ("{label} is on several ids ('{value}'): a trigger goes off on one {on}; make one trigger per "
                 "{on}", "5.1.4"),
    "invalid": ("{label} is on id '{value}', which is neither an unsigned number nor each", "5.1.5"),
}


def check(model):
    for trigger in valid_triggers(model):
        issue = model.trigger_on_issues.get(trigger.element)
        if issue is None or issue[0] not in MESSAGES:
            continue
        kind, value = issue
        text, official = MESSAGES[kind]
        element = trigger.on_element
        yield Problem(element, text.format(label=trigger.label, on=trigger.on, value=value),
                      attribute=None if kind == "missing" else "id", official=official)
