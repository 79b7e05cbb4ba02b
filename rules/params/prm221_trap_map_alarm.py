"""## What it does
Checks `SNMP/TrapOID@mapAlarm`: when present it must not be empty and must have no
spaces around it.

## Why is this bad
`mapAlarm` says whether a trap is mapped onto the alarm of the parameter; an empty or
padded value is read as false by some DataMiner versions and as invalid by others.

The official severity of the untrimmed value is Warning; dmlint reports a warning.

## Example
```xml
<TrapOID mapAlarm=" true">1.3.6.1.4.1.8813.1</TrapOID>
```

## Use instead
```xml
<TrapOID mapAlarm="true">1.3.6.1.4.1.8813.1</TrapOID>
```

## Fix safety
Safe: the fix removes the spaces around mapAlarm. No fix is offered for an empty one.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem

CODE = "PRM221"
NAME = "trap-map-alarm"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "SNMP/TrapOID@mapAlarm is empty or untrimmed"


def check(model):
    for group in model.params.values():
        for param in group:
            trap = model.follow(param.element, "SNMP", "TrapOID")
            raw = trap.get("mapAlarm") if trap is not None else None
            if raw is None:
                continue
            label = f"the SNMP/TrapOID of Param {param.id} ({param.name})"
            if not raw.strip():
                yield Problem(trap, f"{label} has an empty mapAlarm", attribute="mapAlarm", official="2.55.1")
            elif raw != raw.strip():
                yield Problem(trap, f"{label} has spaces around mapAlarm '{raw}'", attribute="mapAlarm",
                              official="2.55.2",
                              fix=Fix.of(trim_attribute(model.document, trap, "mapAlarm"), message="trim mapAlarm"))
