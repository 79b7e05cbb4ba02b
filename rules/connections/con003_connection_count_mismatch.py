"""## What it does
Counts the connections of the `Protocol/Type` syntax twice: the types (the main
`Protocol/Type` plus one per entry of `Type@advanced`) and the port settings
(`Protocol/PortSettings` plus one per `Protocol/Ports/PortSettings`). The two counts
must be equal. A protocol whose single connection is `virtual` or `sla` needs no
port settings. Protocols that use `Protocol/Connections` are not checked.

## Why is this bad
DataMiner pairs the n-th connection type with the n-th port settings. With more
types than port settings a connection has no settings (no port, no timeout, no
name in the element wizard); with more port settings than types the extra ones
are ignored.

## Example
```xml
<Type advanced="snmp:SNMP Connection">serial</Type>
<PortSettings name="IP Connection">...</PortSettings>
<!-- no Ports/PortSettings for the SNMP connection -->
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

CODE = "CON003"
NAME = "connection-count-mismatch"
SEVERITY = "error"
SUMMARY = "The number of connection types differs from the number of PortSettings"


def check(model):
    if model.has_connections_syntax:
        return
    type_element = model.protocol_type
    type_count, port_count = model.classic_counts
    if type_count == 0 and port_count == 0:
        return
    if type_count == 1 and port_count == 0:
        kind = (type_element.text or "").strip().lower()
        if kind in ("virtual", "sla"):
            return
    if type_count == port_count:
        return
    anchor = type_element if type_element is not None else child(model.root, "PortSettings")
    yield Problem(anchor,
                  f"{type_count} connection type(s) in Protocol/Type (main plus Type@advanced) but {port_count} "
                  f"PortSettings (Protocol/PortSettings plus Protocol/Ports): every connection needs exactly one")
