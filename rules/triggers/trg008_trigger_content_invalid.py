"""## What it does
Checks what a trigger runs, its `Content/Id` elements: there must be at least one, and
each must be a plain unsigned number (the id of an action or a trigger, as the trigger's
`Type` says).

## Why is this bad
A trigger that runs nothing, or an id DataMiner cannot read, goes off for nothing: the
flow it was written for never happens.

## Example
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time><Type>action</Type></Trigger>
<Trigger id="2">...<Content><Id></Id><Id>action 1</Id></Content></Trigger>
```

## Use instead
```xml
<Trigger id="1">...<Type>action</Type><Content><Id>1</Id></Content></Trigger>
<Trigger id="2">...<Content><Id>1</Id></Content></Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG008"
NAME = "trigger-content-invalid"
SEVERITY = "error"
SUMMARY = "A trigger runs nothing, or a Content/Id is empty or not a plain number"


def check(model):
    for trigger in valid_triggers(model):
        for item, kind, _ in model.trigger_content_issues.get(trigger.element, ()):
            if kind == "missing":
                yield Problem(trigger.element, f"{trigger.label} has no Content/Id: it runs nothing",
                              official="5.10.1")
            elif kind == "empty":
                yield Problem(item, f"{trigger.label} has an empty Content/Id", official="5.10.2")
            elif kind == "invalid":
                yield Problem(item, f"{trigger.label} runs <Id>{item.text.strip()}</Id>, which is not a plain "
                                    f"unsigned number", official="5.10.4")
