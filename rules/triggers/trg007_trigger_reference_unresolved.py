"""## What it does
Reports what a trigger names that does not exist:

- `On@id`: the command, group, pair, parameter, response, session or timer it goes off on
  (DataMiner's general parameters, 65000 and up, exist in every element); `each` when
  the protocol has no item of that kind at all;
- `Content/Id`: the actions (`<Type>action</Type>`) or triggers (`<Type>trigger</Type>`) it
  runs.

## Why is this bad
A trigger on something that does not exist never goes off; a trigger running an action or
trigger that does not exist runs nothing. DataMiner says nothing about either.

## Example
```xml
<Trigger id="1"><On id="99">parameter</On><Time>change</Time><Type>action</Type>
  <Content><Id>7</Id></Content>   <!-- no Param 99, no Action 7 -->
</Trigger>
```

## Use instead
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time><Type>action</Type>
  <Content><Id>1</Id></Content>
</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.triggers._triggers import target_label, valid_triggers

CODE = "TRG007"
NAME = "trigger-reference-unresolved"
SEVERITY = "error"
SUMMARY = "A trigger goes off on, or runs, something that does not exist"

ON_LABEL = {"parameter": "Param"}


def check(model):
    for trigger in valid_triggers(model):
        issue = model.trigger_on_issues.get(trigger.element)
        if issue is not None and issue[0] == "unresolved":
            what = ON_LABEL.get(trigger.on, trigger.on.capitalize())
            if issue[1].lower() == "each":
                message = f"{trigger.label} is on each {trigger.on}, but the protocol has no {what} at all"
            else:
                message = f"{trigger.label} is on {what} {issue[1]}, which does not exist"
            yield Problem(trigger.on_element, message, attribute="id", official="5.1.6")
        for item, kind, target in model.trigger_content_issues.get(trigger.element, ()):
            if kind == "unresolved":
                yield Problem(item, f"{trigger.label} runs {target_label(target)} {item.text.strip()}, which does "
                                    f"not exist", official="5.10.5")
