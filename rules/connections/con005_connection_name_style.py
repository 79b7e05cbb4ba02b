"""## What it does
Checks `PortSettings@name` against Skyline's naming convention: a connection is
named after its kind, optionally followed by `" - "` and a purpose:
`SNMP Connection`, `HTTP Connection`, `SSH Connection` (serial connection with SSH
settings), `Serial Connection` (serial connection whose IP and UDP port types are
disabled) or `IP Connection` (other serial connections), e.g. `IP Connection - Events`.
Connections of other types are not checked, nor are empty names (CON009 reports those).

Off by default: this is house style, DataMiner accepts any name. Select it with
`--select CON005`. The official severity is Major; dmlint reports a warning
because nothing breaks at runtime.

## Why is this bad
Operators of many protocols rely on recognisable names when they fill in the
element wizard; an arbitrary name hides what the connection is for.

## Example
```xml
<Type>snmp</Type>
<PortSettings name="Polling">...</PortSettings>
```

## Use instead
```xml
<Type>snmp</Type>
<PortSettings name="SNMP Connection - Polling">...</PortSettings>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child, text_of
from dmlint.model.connections import SERIAL_TYPES, SNMP_TYPES

CODE = "CON005"
NAME = "connection-name-style"
SEVERITY = "warning"
OFFICIAL_SEVERITY = False  # see the docs above: a deliberate exception to the official severity
SUMMARY = "A connection name does not follow the 'SNMP Connection - Purpose' convention"
ENABLED = False


def _disabled(port_settings, name: str) -> bool:
    element = child(port_settings, name)
    return element is not None and (text_of(child(element, "Disabled")) or "").lower() == "true"


def expected_prefix(connection) -> str | None:
    kind = connection.type
    if kind in SNMP_TYPES:
        return "SNMP Connection"
    if kind == "http":
        return "HTTP Connection"
    if kind in SERIAL_TYPES:
        ports = connection.port_settings
        if child(ports, "SSH") is not None:
            return "SSH Connection"
        if _disabled(ports, "PortTypeIP") and _disabled(ports, "PortTypeUDP"):
            return "Serial Connection"
        return "IP Connection"
    return None


def check(model):
    if model.has_connections_syntax:
        return
    for connection in model.classic_connections:
        name = connection.port_name
        if connection.port_settings is None or name is None or not name.strip():
            continue
        prefix = expected_prefix(connection)
        if prefix is None or name == prefix:
            continue
        if name.startswith(prefix + " - ") and name[len(prefix) + 3:].strip():
            continue
        yield Problem(connection.port_settings,
                      f"connection {connection.number} ({connection.type_raw.strip()}) is named '{name}': "
                      f"name it '{prefix}' or '{prefix} - <purpose>'", attribute="name")
