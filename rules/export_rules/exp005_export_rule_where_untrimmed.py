"""## What it does
Reports an export rule whose `whereTag` or `whereAttribute` has spaces (or other whitespace)
around its value.

## Why is this bad
The tag path and the attribute name are compared with the exported protocol as written: with
spaces around them they may match no element or attribute, and the rule silently changes
nothing.

## Example
```xml
<ExportRule table="*" tag="Protocol/Name" value="Interface" whereTag=" Protocol/Params/Param/Name "
            whereValue="Status"/>
```

## Use instead
```xml
<ExportRule table="*" tag="Protocol/Name" value="Interface" whereTag="Protocol/Params/Param/Name"
            whereValue="Status"/>
```

## Fix safety
Safe: the fix removes the whitespace around the value, as written.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.rules.export_rules._export import rule_label

CODE = "EXP005"
NAME = "export-rule-where-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "An export rule's whereTag or whereAttribute has surrounding whitespace"

CODES = {"whereTag": "17.4.3", "whereAttribute": "17.3.2"}


def check(model):
    for element in model.export_rules:
        for attribute, code in CODES.items():
            raw = element.get(attribute)
            if raw is not None and raw.strip() and raw != raw.strip():
                yield Problem(element, f"{rule_label(model, element)} has {attribute} '{raw}' with surrounding "
                                       f"whitespace: write '{raw.strip()}'", attribute=attribute, official=code,
                              fix=Fix.of(trim_attribute(model.document, element, attribute),
                                         message=f"trim {attribute}"))
