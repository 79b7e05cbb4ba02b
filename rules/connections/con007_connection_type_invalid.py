"""## What it does
Checks the connection types of the `Protocol/Type` syntax: `Protocol/Type` must
be present (unless `Protocol/Connections` declares the connections), not empty, and
one of `gpib`, `http`, `opc`, `serial`, `serial single`, `service`, `sla`,
`smart-serial`, `smart-serial single`, `snmp`, `snmpv2`, `snmpv3`, `virtual`
(lower case). Every entry of `Type@advanced` must name one of those types too.

## Why is this bad
DataMiner does not know how to talk to a connection of an unknown type: the element
cannot be created, or the extra connection is dropped.

## Example
```xml
<Type advanced="snmp:SNMP Connection;websocket:WS">Serial</Type>
```

## Use instead
```xml
<Type advanced="snmp:SNMP Connection;http:HTTP Connection">serial</Type>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.connections import CONNECTION_TYPES, advanced_entries

CODE = "CON007"
NAME = "connection-type-invalid"
SEVERITY = "error"
SUMMARY = "Protocol/Type is missing or empty, or a connection type is unknown"


def check(model):
    type_element = model.protocol_type
    if type_element is None:
        if not model.has_connections_syntax:
            yield Problem(model.root, "Protocol/Type is missing: declare the main connection type "
                                      "(e.g. <Type>snmp</Type>)", official="1.8.1")
        return
    value = (type_element.text or "").strip()
    if not value:
        yield Problem(type_element, "Protocol/Type is empty: declare the main connection type",
                      official="1.8.2")
    elif value not in CONNECTION_TYPES:
        yield Problem(type_element,
                      f"unknown connection type '{value}' in Protocol/Type; expected one of "
                      f"{', '.join(CONNECTION_TYPES)}", official="1.8.3")
    for number, (kind, _name) in enumerate(advanced_entries(type_element), start=1):
        if kind.strip().lower() not in CONNECTION_TYPES:
            yield Problem(type_element,
                          f"unknown connection type '{kind.strip()}' for connection {number} in Type@advanced",
                          attribute="advanced", official="1.11.7")
