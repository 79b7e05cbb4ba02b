"""## What it does
Checks the options in `Param/Type@options` that connect a parameter to a connection:

- `headerTrailerLink=N`: when the protocol has a smart-serial connection, every
  `header` and `trailer` parameter needs one, `N` must be a number, and one link id
  is used by at most one header and one trailer (one finding per link, the parameters as
  related locations). With several serial connections the header or trailer must also say
  which one (`connection=N`), and that connection must not be an SNMP one.
- `SSH Username`, `SSH PWD`, `SSH Options` must not be used when a `PortSettings`
  declares `SSH` credentials (the two mechanisms conflict).
- `dynamic ip` / `dynamic ip N` (dmlint's own check): connection `N` (0 when
  omitted) must exist, by position (from 0) or by `Connections/Connection@id`
  (the same reading as WS010).

## Why is this bad
A smart-serial connection splits the incoming stream on the linked header and
trailer; without a (unique) link DataMiner cannot pair them and drops data. Two SSH
credential mechanisms fight over the same connection. A `dynamic ip` option aimed
at a connection that does not exist never changes any address.

## Example
```xml
<Type>smart-serial</Type>
...
<Param id="1"><Name>Header</Name><Type>header</Type>...</Param>
<Param id="5"><Name>IP</Name><Type options="dynamic ip 2">read</Type>...</Param>  <!-- 1 connection -->
```

## Use instead
```xml
<Param id="1"><Name>Header</Name><Type options="headerTrailerLink=1">header</Type>...</Param>
<Param id="5"><Name>IP</Name><Type options="dynamic ip">read</Type>...</Param>
```
"""

import re

from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem
from dmlint.model import child, children, matrix
from dmlint.model.options import type_options

CODE = "PRM008"
NAME = "param-type-options"
SEVERITY = "error"
SUMMARY = "Type@options has a missing, invalid or duplicated headerTrailerLink, conflicting SSH or a bad dynamic ip"

DYNAMIC_IP = re.compile(r"^dynamic\s+ip(?:\s+(\S+))?$", re.IGNORECASE)
SERIAL = ("serial", "smart-serial")


def has_ssh_port_settings(model) -> bool:
    ports = [child(model.root, "PortSettings")] + children(child(model.root, "Ports"), "PortSettings")
    return any(child(settings, "SSH") is not None for settings in ports if settings is not None)


def check(model):
    connections = model.numbered_connections
    smart_serial = any(kind == "smart-serial" for _, kind in connections)
    several_serial = sum(kind in SERIAL for _, kind in connections) > 1
    snmp_numbers = {number for number, kind in connections if kind in ("snmp", "snmpv2", "snmpv3")}
    ssh_ports = None
    count = None
    links: dict[tuple[str, int], list] = {}
    for entry in model.param_types:
        type_element, kind, label = entry.element, entry.kind, entry.label
        if type_element is None:
            continue
        raw = type_element.get("options")
        if smart_serial and kind in ("header", "trailer"):
            options = type_options(raw.strip()) if raw is not None else None
            link = options.header_trailer_link if options is not None else None
            if link is None:
                yield Problem(type_element, f"{kind} {label} has no headerTrailerLink option; a smart-serial "
                                            f"connection needs it to pair headers and trailers", official="2.21.4")
            elif link[1] is None:
                yield Problem(type_element, f"{kind} {label} has a malformed option '{link[0]}' (expected "
                                            f"headerTrailerLink=<number>)", attribute="options", official="2.21.5")
            else:
                links.setdefault((kind, link[1]), []).append((entry.param.element, label))
                if several_serial and options.connection is None:
                    yield Problem(type_element, f"{kind} {label} does not say which serial connection it belongs "
                                                f"to: add connection=<number> to Type@options", attribute="options",
                                  official="2.21.22")
                if options.connection is not None and options.connection in snmp_numbers:
                    yield Problem(type_element, f"{kind} {label} is linked to connection {options.connection}, "
                                                f"which is an SNMP connection", attribute="options",
                                  official="2.21.23")
        if raw is None or not entry.options:
            continue
        ssh = type_options(raw.strip()).ssh
        if ssh and matrix.type_problem(model, entry.param.element, label) is None:
            if ssh_ports is None:
                ssh_ports = has_ssh_port_settings(model)
            for option in ssh if ssh_ports else ():
                yield Problem(type_element, f"{label} uses option '{option}' while a PortSettings declares SSH "
                                            f"credentials: use only the PortSettings", attribute="options",
                              official="2.21.21")
        for option in entry.options:
            match = DYNAMIC_IP.match(option)
            if match:
                if count is None:
                    count = len(model.connection_types)
                target = normalize_id(match.group(1) or "0")
                if target is None:
                    yield Problem(type_element, f"{label} has option '{option}': the connection must be a number",
                                  attribute="options", official="")
                elif not model.connection_exists(target):
                    yield Problem(type_element, f"{label} has option '{option}' but the protocol declares {count} "
                                                f"connection(s) (numbered from 0)", attribute="options", official="")
    for (kind, link), users in links.items():
        if len(users) < 2:
            continue
        labels = ", ".join(label for _, label in users)
        yield Problem(users[0][0], f"headerTrailerLink={link} is used by several {kind}s ({labels}): give each "
                                   f"header/trailer pair its own link id", attribute=None, official="2.21.7",
                      related=tuple((element, f"{label} uses headerTrailerLink={link}")
                                    for element, label in users[1:]))

