"""## What it does
Reports the use of the `Protocol/Connections` syntax in a protocol that does not
also declare `Protocol/Type`. Off by default: it encodes Skyline's house
recommendation, not an error. Select it with `--select CON002`.

## Why is this bad
Skyline recommends declaring connections with `Protocol/Type`, `Type@advanced`
and `PortSettings`, and keeping `Protocol/Connections` for the few features that
only exist there (WebSocket connections are one of them).

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Connections>
  <Connection id="0" name="SNMP Connection"><Snmp>...</Snmp></Connection>
</Connections>
```

## Use instead
```xml
<Type>snmp</Type>
<PortSettings name="SNMP Connection">...</PortSettings>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "CON002"
NAME = "connections-syntax-unrecommended"
SEVERITY = "warning"
SUMMARY = "Protocol/Connections is used where Protocol/Type is recommended"
ENABLED = False


def check(model):
    connections = child(model.root, "Connections")
    if connections is None or model.protocol_type is not None:
        return
    yield Problem(connections,
                  "connections are declared with Protocol/Connections; Skyline recommends Protocol/Type with "
                  "PortSettings unless a feature only available in Protocol/Connections is needed")
