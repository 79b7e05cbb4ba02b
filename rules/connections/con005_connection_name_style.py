"""## What it does
Checks `PortSettings@name` against Skyline's naming convention: a connection is
named after its kind, optionally followed by `" - "` and a purpose, e.g.
`IP Connection - Events`:

- `SSH Connection`: a `serial` (or `serial single`) connection with an `<SSH>`
  element or the default port 22;
- `SNMP Connection`, `HTTP Connection`, `Virtual Connection` by type;
- `IP Connection`: a serial or smart-serial connection whose serial port type is
  disabled; `Serial Connection`: one whose IP and UDP port types are disabled.
  When both kinds of port are allowed the convention does not decide.

Only connections with both a known type and `PortSettings` are checked, up to the
smaller of the two counts (CON003 reports a mismatch); empty names are CON009's.

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

CODE = "CON005"
NAME = "connection-name-style"
SEVERITY = "warning"
OFFICIAL_SEVERITY = False  # see the docs above: a deliberate exception to the official severity
SUMMARY = "A connection name does not follow the 'SNMP Connection - Purpose' convention"
ENABLED = False


def check(model):
    if model.has_connections_syntax:
        return
    for connection, expected in model.misnamed_connections:
        yield Problem(connection.port_settings,
                      f"connection {connection.number} ({connection.type_raw.strip()}) is named "
                      f"'{connection.port_name}': name it '{expected}' or '{expected} - <purpose>'", attribute="name")
