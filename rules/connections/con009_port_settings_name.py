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
"""

from dmlint.core.problem import Problem
from dmlint.model import child, children

CODE = "CON009"
NAME = "port-settings-name"
SEVERITY = "warning"
SUMMARY = "A PortSettings has no name, an empty name or an untrimmed name"


def _name_problem(anchor, ports, number, codes):
    missing, empty, untrimmed = codes
    name = None if ports is None else ports.get("name")
    if name is None:
        return Problem(anchor, f"connection {number} has no PortSettings@name: name it (e.g. 'IP Connection')",
                       official=missing)
    if not name.strip():
        return Problem(ports, f"connection {number} has an empty PortSettings@name", attribute="name",
                       official=empty)
    if name != name.strip():
        return Problem(ports, f"connection {number} has an untrimmed PortSettings@name '{name}'",
                       attribute="name", official=untrimmed)
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
            problem = _name_problem(main if main is not None else type_element, main, 0,
                                    ("19.1.1", "19.1.2", "19.1.3"))
            if problem:
                yield problem
    for number, ports in enumerate(children(child(model.root, "Ports"), "PortSettings"), start=1):
        problem = _name_problem(ports, ports, number, ("12.1.2", "12.1.3", "12.1.4"))
        if problem:
            yield problem
