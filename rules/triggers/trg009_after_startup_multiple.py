"""## What it does
Reports a protocol with more than one trigger that goes off `after startup` (its `Time`).
One finding, at the second such trigger, naming all of them.

## Why is this bad
The after-startup triggers all go off at once, in an order nobody chose: what one of them
sets up, another may need first. One after-startup trigger running its actions in the
right order says what happens when the element starts.

## Example
```xml
<Trigger id="1"><On>protocol</On><Time>after startup</Time>...<Content><Id>1</Id></Content></Trigger>
<Trigger id="2"><On>protocol</On><Time>after startup</Time>...<Content><Id>2</Id></Content></Trigger>
```

## Use instead
```xml
<Trigger id="1"><On>protocol</On><Time>after startup</Time>...
  <Content><Id>1</Id><Id>2</Id></Content>
</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG009"
NAME = "after-startup-multiple"
SEVERITY = "warning"
SUMMARY = "Several triggers go off after startup"


def check(model):
    seen = {}
    for trigger in valid_triggers(model):
        if trigger.time == "after startup":
            seen.setdefault(trigger.element.get("id"), trigger)
    triggers = list(seen.values())
    if len(triggers) < 2:
        return
    ids = ", ".join(trigger.element.get("id").strip() for trigger in triggers)
    yield Problem(triggers[1].time_element, f"{len(triggers)} triggers go off after startup (ids {ids}): run "
                                            f"everything from one, in the order it needs",
                  related=tuple((trigger.time_element, f"{trigger.label} goes off after startup")
                                for trigger in triggers))
