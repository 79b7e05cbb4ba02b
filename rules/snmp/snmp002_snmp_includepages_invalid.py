"""## What it does
Checks `SNMP@includepages` on `Protocol/SNMP`: it must be there and be exactly
`true` or `false` (lower case).

## Why is this bad
DataMiner reads the attribute as a boolean; the official validator wants it written
out, in lower case, so that its value does not depend on how a tool parses
`True`, `1` or `yes`.

## Example
```xml
<SNMP includepages="True">auto</SNMP>
```

## Use instead
```xml
<SNMP includepages="true">auto</SNMP>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "SNMP002"
NAME = "snmp-includepages-invalid"
SEVERITY = "error"
SUMMARY = "SNMP@includepages is missing, empty, or not exactly 'true' or 'false'"


def check(model):
    element = child(model.root, "SNMP")
    if element is None:
        return  # SNMP001 reports the missing tag
    raw = element.get("includepages")
    if raw is None:
        yield Problem(element, "<SNMP> has no includepages attribute: add includepages=\"true\" (or \"false\")",
                      official="1.5.1")
    elif not raw.strip():
        yield Problem(element, "SNMP@includepages is empty: it should be 'true' or 'false'", attribute="includepages",
                      official="1.5.2")
    elif raw not in ("true", "false"):
        yield Problem(element, f"SNMP@includepages is '{raw}': it should be exactly 'true' or 'false'",
                      attribute="includepages", official="1.5.3")
