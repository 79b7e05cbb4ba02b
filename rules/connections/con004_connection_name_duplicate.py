"""## What it does
Reports connections of the `Protocol/Type` syntax whose `PortSettings@name` is
used by another connection too (ignoring case). One finding per name, on the first
`PortSettings` that carries it, with the others listed.

## Why is this bad
The name is what operators see in the element wizard and in the connection
settings; two connections with the same name cannot be told apart, which leads to
ports and IP addresses being filled in on the wrong connection.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<PortSettings name="IP Connection">...</PortSettings>
<Ports><PortSettings name="IP Connection">...</PortSettings></Ports>
```

## Use instead
```xml
<PortSettings name="IP Connection - Control">...</PortSettings>
<Ports><PortSettings name="IP Connection - Events">...</PortSettings></Ports>
```
"""

from dmlint.core.problem import Problem

CODE = "CON004"
NAME = "connection-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Two connections share the same PortSettings name"


def check(model):
    if model.has_connections_syntax:
        return
    by_name: dict[str, list] = {}
    for connection in model.classic_connections:
        name = connection.port_name
        if connection.port_settings is None or name is None or not name.strip():
            continue
        by_name.setdefault(name.casefold(), []).append(connection)
    for group in by_name.values():
        if len(group) < 2:
            continue
        first = group[0]
        numbers = ", ".join(str(connection.number) for connection in group)
        yield Problem(first.port_settings,
                      f"connections {numbers} are all named '{first.port_name}': give every connection its own name",
                      attribute="name", official="1.23.3",
                      related=tuple((connection.port_settings, f"connection {connection.number} is named "
                                                                f"'{connection.port_name}' too")
                                    for connection in group[1:]))
