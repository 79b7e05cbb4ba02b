"""## What it does
Reports an `ExportRule@table` that names a parameter that does not exist. The id is looked up
as written, as the official validator does: `table=" 1000"` or `table="01000"` names no
parameter.

## Why is this bad
The rule is meant for the exported protocol of one table; when no such table exists, the rule
never applies and the DVE or virtual elements it was written for keep their default settings.
It usually means the table was renumbered or removed and the rule was left behind.

## Example
```xml
<ExportRules>
  <ExportRule table="1100" tag="Protocol/Name" value="Interface"/>  <!-- no Param 1100 -->
</ExportRules>
```

## Use instead
```xml
<ExportRules>
  <ExportRule table="1000" tag="Protocol/Name" value="Interface"/>
</ExportRules>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.tables import uint_text
from dmlint.rules.export_rules._export import rule_label

CODE = "EXP002"
NAME = "export-rule-table-unresolved"
SEVERITY = "error"
SUMMARY = "An export rule names a table that does not exist"


def check(model):
    for element in model.export_rules:
        raw = element.get("table")
        if raw is None or raw.strip() in ("", "*") or uint_text(raw.strip()) is None:
            continue  # EXP001
        if model.param_by_key(raw) is None:
            detail = "" if raw == raw.strip() else " (the id is looked up as written, spaces included)"
            yield Problem(element, f"{rule_label(model, element)} names table '{raw}', which does not exist{detail}",
                          attribute="table")
