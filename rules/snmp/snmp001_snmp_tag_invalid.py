"""## What it does
Checks `Protocol/SNMP`: every protocol declares it, with `auto` or `false` (any
case). `true` is not one of its values.

## Why is this bad
The tag tells DataMiner how the protocol's SNMP support is set up; the official
validator rejects a protocol without it or with another value, and Skyline's
templates always write `<SNMP includepages="true">auto</SNMP>`.

## Example
```xml
<SNMP includepages="true">true</SNMP>
```

## Use instead
```xml
<SNMP includepages="true">auto</SNMP>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "SNMP001"
NAME = "snmp-tag-invalid"
SEVERITY = "error"
SUMMARY = "Protocol/SNMP is missing, empty, or neither 'auto' nor 'false'"

VALUES = ("auto", "false")


def check(model):
    element = child(model.root, "SNMP")
    if element is None:
        yield Problem(model.root, "the protocol has no <SNMP>: add <SNMP includepages=\"true\">auto</SNMP> (or "
                                  "'false' when it does no SNMP polling)", official="1.4.1")
        return
    raw = element.text or ""
    if not raw.strip():
        yield Problem(element, "<SNMP> is empty: it should be 'auto' or 'false'", official="1.4.2")
    elif raw.strip().lower() not in VALUES:
        yield Problem(element, f"<SNMP> holds '{raw.strip()}': it should be 'auto' or 'false'", official="1.4.3")
