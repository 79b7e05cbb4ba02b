"""## What it does
Reports a protocol that declares its connections twice: with `Protocol/Type`
(plus `Type@advanced` and `PortSettings`) and with `Protocol/Connections`.

Exception: when `Protocol/Connections` declares a WebSocket connection the rule
stays quiet. A WebSocket can only be written in the `Connections` syntax, and the
official `protocol.xsd` requires `Protocol/Type` in every protocol, so such a file
cannot satisfy both; the official validator still reports 1.23.6 there (suppress it
with a `SuppressValidator 1.23.6` comment if you run that validator).

## Why is this bad
DataMiner reads the connections from one syntax only; the other one is silently
ignored, so the element ends up with connections, names or ports you did not intend.

## Example
```xml
<Type advanced="snmp:SNMP Connection">serial</Type>
<Connections>
  <Connection id="0" name="IP Connection">...</Connection>
</Connections>
```

## Use instead
```xml
<Type advanced="snmp:SNMP Connection">serial</Type>
<PortSettings name="IP Connection">...</PortSettings>
<Ports><PortSettings name="SNMP Connection">...</PortSettings></Ports>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "CON001"
NAME = "connection-syntaxes-mixed"
SEVERITY = "error"
SUMMARY = "Connections are declared both with Protocol/Type and with Protocol/Connections"


def check(model):
    connections = child(model.root, "Connections")
    if connections is None or model.protocol_type is None:
        return
    if any(connection.is_websocket for connection in model.connections):
        return
    yield Problem(connections,
                  "connections are declared both in Protocol/Type (with PortSettings) and in Protocol/Connections: "
                  "keep one syntax (Protocol/Type is the recommended one)")
