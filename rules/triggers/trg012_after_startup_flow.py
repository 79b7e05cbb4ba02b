"""## What it does
Checks what runs after startup, starting from each trigger on `protocol` at
`after startup`:

- the trigger has no `Condition` and is of `Type` action;
- each action it runs has no `Condition`, is on a `group` and is of `Type` `execute`,
  `execute next`, `execute one now` or `execute one top`;
- each group those actions run polls (`Type` absent, `poll`, `poll action` or
  `poll trigger`).

## Why is this bad
When the element starts, parameters hold no values yet: a condition cannot be evaluated,
and what runs must go through the queue of groups so that it is polled in order. Anything
else at startup is evaluated against nothing or skips the queue, and the element starts
with missing or wrong values.

## Example
```xml
<Trigger id="1"><On>protocol</On><Time>after startup</Time><Type>action</Type>
  <Content><Id>1</Id></Content></Trigger>
<Action id="1"><On id="1">group</On><Type>add to execute</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="1">group</On><Type>execute next</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.flow import GROUP_TYPE, enum_value, label
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG012"
NAME = "after-startup-flow"
SEVERITY = "error"
SUMMARY = "What runs after startup has a condition, or is not a poll group queued by an execute action"

EXECUTE = ("execute", "execute next", "execute one now", "execute one top")
POLLING = ("poll", "poll action", "poll trigger")


def check(model):
    actions = model.section("action")
    groups = model.section("group")
    by_element = {action.element: action for action in model.actions}
    for trigger in valid_triggers(model):
        if trigger.on != "protocol" or trigger.time != "after startup":
            continue
        condition = trigger.condition
        if condition is not None and (condition.text or "").strip():
            yield Problem(condition, f"{trigger.label} goes off after startup, when no parameter has a value yet, "
                                     f"but has a condition", official="5.7.1")
            continue
        if trigger.type != "action":
            where = trigger.type_element if trigger.type_element is not None else trigger.element
            yield Problem(where, f"{trigger.label} goes off after startup and must run actions (Type action)",
                          official="5.7.3")
            continue
        for item in trigger.content_ids:
            element = actions.get(item.text)
            if element is None:
                continue
            action = by_element[element]
            condition = action.condition
            if condition is not None and (condition.text or "").strip():
                yield Problem(condition, f"{action.label} runs after startup ({trigger.label}), when no parameter "
                                         f"has a value yet, but has a condition", official="5.7.2")
                continue
            if action.on != "group":
                where = action.on_element if action.on_element is not None else action.element
                yield Problem(where, f"{action.label} runs after startup ({trigger.label}) and must be on a group",
                              official="5.7.4")
                continue
            if action.type not in EXECUTE:
                where = action.type_element if action.type_element is not None else action.element
                yield Problem(where, f"{action.label} runs after startup ({trigger.label}) and must queue its group "
                                     f"with {', '.join(EXECUTE)}", official="5.7.5")
                continue
            for group_id in action.on_ids:
                group = groups.get(group_id)
                if group is None:
                    continue
                type_element = child(group, "Type")
                if type_element is None or enum_value(type_element.text, GROUP_TYPE) in POLLING:
                    continue
                yield Problem(type_element, f"{label('Group', group)} runs after startup ({action.label}) and must "
                                            f"poll (Type poll, poll action or poll trigger)", official="5.7.6")
