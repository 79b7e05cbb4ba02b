"""## What it does
Counts the connections of the `Protocol/Type` syntax twice: the types (the main
`Protocol/Type` plus one per entry of `Type@advanced`) and the port settings
(`Protocol/PortSettings` plus one per `Protocol/Ports/PortSettings`). The two counts
must be equal. Only types DataMiner knows are counted (CON007 reports the others).
A protocol whose single connection is `virtual` or `sla` needs no port settings.
Protocols that use `Protocol/Connections` are not checked.

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

CODE = "CON003"
NAME = "connection-count-mismatch"
SEVERITY = "error"
SUMMARY = "The number of connection types differs from the number of PortSettings"


def check(model):
    type_element = model.protocol_type
    if model.has_connections_syntax or type_element is None:
        return
    connections = model.classic_connections
    if len(connections) == 1 and connections[0].port_settings is None and connections[0].known_type in ("virtual",
                                                                                                           "sla"):
        return
    type_count = sum(1 for connection in connections if connection.known_type is not None)
    port_count = sum(1 for connection in connections if connection.port_settings is not None)
    if type_count == port_count:
        return
    yield Problem(type_element,
                  f"{type_count} connection type(s) in Protocol/Type (main plus Type@advanced) but {port_count} "
                  f"PortSettings (Protocol/PortSettings plus Protocol/Ports): every connection needs exactly one")
