"""## What it does
Checks `ExportRule@table` on every `Protocol/ExportRules/ExportRule`: it must be present, not
empty, and either `*` (every exported table) or the id of a table.

## Why is this bad
An export rule changes the protocol DataMiner generates for the DVE or virtual elements of a
table. Without a `table`, or with one that is no id, DataMiner cannot tell which exported
protocol the rule applies to, so the rule is ignored and the exported elements keep the
settings the rule was meant to change.

## Example
```xml
<ExportRules>
  <ExportRule tag="Protocol/Params/Param/Display/RTDisplay" value="true"/>
  <ExportRule table="Interfaces" tag="Protocol/Name" value="Interface"/>
</ExportRules>
```

## Use instead
```xml
<ExportRules>
  <ExportRule table="*" tag="Protocol/Params/Param/Display/RTDisplay" value="true"/>
  <ExportRule table="1000" tag="Protocol/Name" value="Interface"/>
</ExportRules>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.tables import uint_text
from dmlint.rules.export_rules._export import rule_label

CODE = "EXP001"
NAME = "export-rule-table-invalid"
SEVERITY = "error"
SUMMARY = "An export rule has no table, an empty table or a table that is neither '*' nor a number"


def check(model):
    for element in model.export_rules:
        raw = element.get("table")
        if raw is None:
            yield Problem(element, f"{rule_label(model, element)} has no table attribute: give the id of the "
                                   f"exported table it changes, or '*' for all of them", official="17.1.2")
        elif not raw.strip():
            yield Problem(element, f"{rule_label(model, element)} has an empty table attribute: give a table id "
                                   f"or '*'", attribute="table", official="17.1.4")
        elif raw.strip() != "*" and uint_text(raw.strip()) is None:
            yield Problem(element, f"{rule_label(model, element)} names table '{raw.strip()}', which is neither "
                                   f"'*' nor a table id", attribute="table", official="17.1.3")
