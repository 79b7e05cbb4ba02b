"""## What it does
Reports an `On@id` on a trigger on `communication` or `protocol`: such triggers go off on
the whole connection or protocol, and take no id.

## Why is this bad
DataMiner ignores the id; whoever reads the protocol believes the trigger is limited to
one item, which it is not.

## Example
```xml
<Trigger id="1"><On id="1">protocol</On><Time>after startup</Time>...</Trigger>
```

## Use instead
```xml
<Trigger id="1"><On>protocol</On><Time>after startup</Time>...</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG006"
NAME = "trigger-on-id-excessive"
SEVERITY = "warning"
SUMMARY = "A trigger on communication or protocol has an On@id, which means nothing there"


def check(model):
    for trigger in valid_triggers(model):
        issue = model.trigger_on_issues.get(trigger.element)
        if issue is not None and issue[0] == "excessive":
            yield Problem(trigger.on_element, f"{trigger.label} is on {trigger.on}, which takes no id, but has "
                                              f"On@id '{issue[1]}': remove it", attribute="id", official="5.1.2")
