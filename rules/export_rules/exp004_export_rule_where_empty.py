"""## What it does
Reports an export rule whose `whereTag` or `whereAttribute` is present but empty.

## Why is this bad
`whereTag` names the element of the exported protocol the condition reads and
`whereAttribute` the attribute of it; an empty one names nothing, so the condition can never
hold and the rule changes nothing.

## Example
```xml
<ExportRule table="*" tag="Protocol/Params/Param/Display/RTDisplay" value="false"
            whereTag="Protocol/Params/Param" whereAttribute="" whereValue="10"/>
```

## Use instead
```xml
<ExportRule table="*" tag="Protocol/Params/Param/Display/RTDisplay" value="false"
            whereTag="Protocol/Params/Param" whereAttribute="id" whereValue="10"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.export_rules._export import rule_label

CODE = "EXP004"
NAME = "export-rule-where-empty"
SEVERITY = "error"
SUMMARY = "An export rule has an empty whereTag or whereAttribute"

CODES = {"whereTag": "17.4.2", "whereAttribute": "17.3.1"}


def check(model):
    for element in model.export_rules:
        for attribute, code in CODES.items():
            raw = element.get(attribute)
            if raw is not None and not raw.strip():
                yield Problem(element, f"{rule_label(model, element)} has an empty {attribute}", attribute=attribute,
                              official=code)
