"""## What it does
Reports triggers that go off on the same item at the same time (the same `On`, `On@id`
and `Time`). One finding per set, at the second trigger, naming all of them.

## Why is this bad
Both go off together, in an order nobody chose; what they run belongs in one trigger, in
the order it needs. (When every one of them has a condition they may be meant to exclude
each other; the finding says so.)

## Example
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time>...<Content><Id>1</Id></Content></Trigger>
<Trigger id="2"><On id="10">parameter</On><Time>change</Time>...<Content><Id>2</Id></Content></Trigger>
```

## Use instead
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time>...
  <Content><Id>1</Id><Id>2</Id></Content>
</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import TRIGGER_TIMES_BY_ON
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG011"
NAME = "trigger-duplicate"
SEVERITY = "warning"
SUMMARY = "Several triggers go off on the same item at the same time"


def check(model):
    sets: dict[tuple, list] = {}
    for trigger in valid_triggers(model):
        on, time = trigger.on, trigger.time
        if on is None or time is None:
            continue
        if on in TRIGGER_TIMES_BY_ON and time not in TRIGGER_TIMES_BY_ON[on]:
            continue  # TRG010's
        raw_id = trigger.on_id_raw
        key = (on, raw_id.strip() if raw_id is not None else None, trigger.time_element.text.strip())
        sets.setdefault(key, []).append(trigger)
    for (on, on_id, time), triggers in sets.items():
        if len(triggers) < 2:
            continue
        ids = ", ".join(trigger.element.get("id").strip() for trigger in triggers)
        what = f"{on} {on_id}" if on_id else on
        conditional = all(trigger.condition is not None for trigger in triggers)
        hint = " (all have a condition: check they exclude each other)" if conditional else ""
        yield Problem(triggers[1].element, f"{len(triggers)} triggers go off on {what} at '{time}' (ids {ids}): "
                                           f"merge them into one{hint}",
                      related=tuple((trigger.element, trigger.label) for trigger in triggers))
