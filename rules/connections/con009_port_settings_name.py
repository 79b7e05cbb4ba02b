"""## What it does
Checks that every connection of the `Protocol/Type` syntax has a usable name:
`Protocol/PortSettings@name` for the main connection and
`Protocol/Ports/PortSettings@name` for the extra ones must be present, not empty and
trimmed. A main connection of type `virtual` or `sla` needs no name (a name it
has must still be filled in and trimmed); when `Protocol/Type` is missing or not a
known type the main connection is not checked. A missing `Protocol/PortSettings`
counts as a missing name. `Protocol/Ports/PortSettings` are checked whatever the type. Protocols that declare
their connections in `Protocol/Connections` are not checked: there the names come
from `Connection@name` (the official validator still reports 19.1.1 when such a
protocol also has the `Protocol/Type` the schema requires; dmlint does not).

## Why is this bad
The name is how the element wizard and operators identify the connection; without
one DataMiner falls back to a generic label and several connections look alike.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Type>snmp</Type>
<PortSettings>...</PortSettings>
```

## Use instead
```xml
<Type>snmp</Type>
<PortSettings name="SNMP Connection">...</PortSettings>
```

## Fix safety
Untrimmed name: safe, the fix removes the spaces. Missing or empty name: unsafe, the fix writes the
name Skyline's convention gives the connection type (SNMP Connection, HTTP Connection, IP
Connection, ...), as CON005 checks it; no fix is offered when the convention gives no name or
another PortSettings already has it, or for a main connection without PortSettings.
"""

from dmlint.core.fixes import UNSAFE, Fix, set_attribute, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model import child, children
from dmlint.model.connections import expected_connection_name

CODE = "CON009"
NAME = "port-settings-name"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "A PortSettings has no name, an empty name or an untrimmed name"


def _name_problem(model, anchor, ports, number, codes):
    missing, empty, untrimmed = codes
    name = None if ports is None else ports.get("name")
    if name is None:
        return Problem(anchor, f"connection {number} has no PortSettings@name: name it (e.g. 'IP Connection')",
                       official=missing, fix=_named(model, ports, number))
    if not name.strip():
        return Problem(ports, f"connection {number} has an empty PortSettings@name", attribute="name",
                       official=empty, fix=_named(model, ports, number))
    if name != name.strip():
        return Problem(ports, f"connection {number} has an untrimmed PortSettings@name '{name}'",
                       attribute="name", official=untrimmed,
                       fix=Fix.of(trim_attribute(model.document, ports, "name"), message="trim the name"))
    return None


def check(model):
    if model.has_connections_syntax:
        return
    type_element = model.protocol_type
    main_type = model.classic_connections[0].known_type if type_element is not None else None
    if main_type is not None:
        main = child(model.root, "PortSettings")
        required = main_type not in ("virtual", "sla")
        if required or (main is not None and main.get("name") is not None):
            problem = _name_problem(model, main if main is not None else type_element, main, 0,
                                    ("19.1.1", "19.1.2", "19.1.3"))
            if problem:
                yield problem
    for number, ports in enumerate(children(child(model.root, "Ports"), "PortSettings"), start=1):
        problem = _name_problem(model, ports, ports, number, ("12.1.2", "12.1.3", "12.1.4"))
        if problem:
            yield problem


def _named(model, ports, number):
    """Name the PortSettings as the convention names its connection type, when that name is free."""
    connections = model.classic_connections
    if ports is None or number >= len(connections) or connections[number].port_settings is not ports:
        return None
    name = expected_connection_name(connections[number])
    taken = {(other.port_name or "").strip().lower() for other in connections if other.port_settings is not ports}
    if name is None or name.lower() in taken:
        return None
    return Fix.of(set_attribute(model.document, ports, "name", name), safety=UNSAFE, message=f"name it '{name}'")
