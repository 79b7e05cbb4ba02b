"""## What it does
Reports connections of the `Protocol/Type` syntax whose `PortSettings@name` is
used by another connection too. Each `PortSettings` carrying a duplicated name is
reported.

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
        by_name.setdefault(name, []).append(connection)
    for name, group in by_name.items():
        if len(group) < 2:
            continue
        numbers = ", ".join(str(connection.number) for connection in group)
        for connection in group:
            yield Problem(connection.port_settings,
                          f"connection {connection.number} is named '{name}' like connection(s) {numbers}: "
                          f"give every connection its own name", attribute="name", official="1.23.3")
