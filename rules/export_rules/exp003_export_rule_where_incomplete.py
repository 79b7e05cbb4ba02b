"""## What it does
Checks the condition of an export rule (`whereTag`, `whereAttribute`, `whereValue`): a rule
with a `whereTag` needs a `whereValue`, and a rule with a `whereAttribute` or a `whereValue`
needs the `whereTag` they belong to.

## Why is this bad
The condition selects the elements of the exported protocol the rule changes: the element at
`whereTag` (or its attribute `whereAttribute`) must hold `whereValue`. Half a condition
cannot select anything, so DataMiner applies the rule nowhere (or, depending on the version,
everywhere), and the exported elements do not look as intended.

## Example
```xml
<ExportRule table="*" tag="Protocol/Params/Param/Display/RTDisplay" value="false"
            whereTag="Protocol/Params/Param" whereAttribute="id"/>
```

## Use instead
```xml
<ExportRule table="*" tag="Protocol/Params/Param/Display/RTDisplay" value="false"
            whereTag="Protocol/Params/Param" whereAttribute="id" whereValue="10"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.export_rules._export import rule_label

CODE = "EXP003"
NAME = "export-rule-where-incomplete"
SEVERITY = "error"
SUMMARY = "An export rule has a whereTag without whereValue, or a where attribute or value without whereTag"


def check(model):
    for element in model.export_rules:
        tag = element.get("whereTag")
        if tag is not None and element.get("whereValue") is None:
            yield Problem(element, f"{rule_label(model, element)} has a whereTag but no whereValue: say which value "
                                   f"the element at '{tag.strip()}' must hold", official="17.2.1")
        if tag is None:
            given = [name for name in ("whereAttribute", "whereValue") if element.get(name) is not None]
            if given:
                yield Problem(element, f"{rule_label(model, element)} has {' and '.join(given)} but no whereTag: say "
                                       f"which element of the exported protocol the condition reads",
                              official="17.4.1")
