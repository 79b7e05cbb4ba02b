"""## What it does
Reports whitespace around the values of a trigger that DataMiner reads as ids:
`Trigger@id`, `Trigger/On@id` (once it names an existing item) and `Trigger/Content/Id`.

## Why is this bad
DataMiner trims these values, but not every tool that reads the protocol does: the
trigger, or what it names, may not be found by the ones that compare the text, and the
whitespace usually means the value was pasted or edited by hand.

## Example
```xml
<Trigger id=" 1"><On id="10 ">parameter</On>...<Content><Id> 1</Id></Content></Trigger>
```

## Use instead
```xml
<Trigger id="1"><On id="10">parameter</On>...<Content><Id>1</Id></Content></Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.flow import id_problem
from dmlint.rules.triggers._triggers import valid_triggers

CODE = "TRG003"
NAME = "trigger-value-untrimmed"
SEVERITY = "warning"
SUMMARY = "A trigger id, On@id or Content/Id has surrounding whitespace"


def check(model):
    for trigger in model.triggers:
        raw = trigger.element.get("id")
        if id_problem(raw) == "untrimmed":
            yield Problem(trigger.element, f"{trigger.label} has id '{raw}' with surrounding whitespace: write "
                                           f"'{raw.strip()}'", attribute="id", official="5.8.3")
    for trigger in valid_triggers(model):
        issue = model.trigger_on_issues.get(trigger.element)
        if issue is not None and issue[0] == "untrimmed":
            raw = trigger.on_id_raw
            yield Problem(trigger.on_element, f"{trigger.label} is on id '{raw}', with surrounding whitespace: "
                                              f"write '{raw.strip()}'", attribute="id", official="5.1.8")
        for item, kind, _ in model.trigger_content_issues.get(trigger.element, ()):
            if kind == "untrimmed":
                yield Problem(item, f"{trigger.label} runs <Id>{item.text}</Id>, with surrounding whitespace: "
                                    f"write <Id>{item.text.strip()}</Id>", official="5.10.3")
