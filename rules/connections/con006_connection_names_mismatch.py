"""## What it does
For every extra connection (number 1 and up) of the `Protocol/Type` syntax,
compares the name given in `Type@advanced` (`type:name`) with the name of the
matching `Protocol/Ports/PortSettings`. They must be identical; a missing name on
either side counts as the empty name. Connections whose `PortSettings@name` breaks
the naming convention (CON005) are left to that rule, and only the connections the
name checks look at are compared (the first n, n being the smaller of the number of
known types and of PortSettings; CON003 reports a difference).

## Why is this bad
DataMiner shows one name in some places and the other elsewhere; when they differ
operators and scripts address the connection by a name that does not exist, and a
reordering of `Ports` goes unnoticed.

## Example
```xml
<Type advanced="http:HTTP Connection">snmp</Type>
...
<Ports><PortSettings name="HTTP Connection - API">...</PortSettings></Ports>
```

## Use instead
```xml
<Type advanced="http:HTTP Connection - API">snmp</Type>
...
<Ports><PortSettings name="HTTP Connection - API">...</PortSettings></Ports>
```
"""

from dmlint.core.problem import Problem

CODE = "CON006"
NAME = "connection-names-mismatch"
SEVERITY = "error"
SUMMARY = "Type@advanced and PortSettings give a connection different names"


def check(model):
    if model.has_connections_syntax:
        return
    type_element = model.protocol_type
    misnamed = {id(connection) for connection, _ in model.misnamed_connections}
    for connection in model.classic_connections[1:model.checked_connection_count]:
        if connection.type_raw is None or connection.port_settings is None:
            continue  # CON003 reports the missing half
        if id(connection) in misnamed:
            continue  # CON005 reports the name; renaming it is the fix for both
        advanced = connection.advanced_name or ""
        ports = connection.port_name or ""
        if advanced == ports:
            continue
        yield Problem(type_element,
                      f"connection {connection.number} is named '{advanced}' in Type@advanced but '{ports}' in its "
                      f"PortSettings: use the same name in both", attribute="advanced",
                      related=((connection.port_settings, f"PortSettings of connection {connection.number}"),))
