"""## What it does
Checks the options in `Param/Type@options` that connect a parameter to a connection:

- `headerTrailerLink=N`: when the protocol has a smart-serial connection, every
  `header` and `trailer` parameter needs one, `N` must be a number, and one link id
  is used by at most one header and one trailer.
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
from dmlint.model import child, children
from dmlint.model.connections import SMART_SERIAL_TYPES

CODE = "PRM008"
NAME = "param-type-options"
SEVERITY = "error"
SUMMARY = "Type@options has a missing, invalid or duplicated headerTrailerLink, conflicting SSH or a bad dynamic ip"

LINK = re.compile(r"^headerTrailerLink\s*=\s*([0-9]+)\s*$", re.IGNORECASE)
DYNAMIC_IP = re.compile(r"^dynamic\s+ip(?:\s+(\S+))?$", re.IGNORECASE)
SSH_OPTIONS = ("ssh username", "ssh pwd", "ssh options")


def has_ssh_port_settings(model) -> bool:
    ports = [child(model.root, "PortSettings")] + children(child(model.root, "Ports"), "PortSettings")
    return any(child(settings, "SSH") is not None for settings in ports if settings is not None)


def check(model):
    smart_serial = any(kind in SMART_SERIAL_TYPES for kind in model.connection_types)
    ssh_ports = None
    count = None
    links: dict[tuple[str, str], list] = {}
    for entry in model.param_types:
        type_element, kind, options, label = entry.element, entry.kind, entry.options, None
        if type_element is None or not (options or (smart_serial and kind in ("header", "trailer"))):
            continue
        label = entry.label
        link_options = [option for option in options if option.lower().startswith("headertrailerlink")]
        if smart_serial and kind in ("header", "trailer"):
            if not link_options:
                yield Problem(type_element, f"{kind} {label} has no headerTrailerLink option; a smart-serial "
                                            f"connection needs it to pair headers and trailers", official="2.21.4")
            for option in link_options:
                match = LINK.match(option)
                if match is None:
                    yield Problem(type_element, f"{kind} {label} has a malformed option '{option}' (expected "
                                                f"headerTrailerLink=<number>)", attribute="options",
                                  official="2.21.5")
                else:
                    links.setdefault((kind, normalize_id(match.group(1))), []).append((type_element, label))
        for option in options:
            if option.lower() in SSH_OPTIONS:
                if ssh_ports is None:
                    ssh_ports = has_ssh_port_settings(model)
                if ssh_ports:
                    yield Problem(type_element, f"{label} uses option '{option}' while a PortSettings declares SSH "
                                                f"credentials: use only the PortSettings", attribute="options",
                                  official="2.21.21")
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
        for element, _label in users:
            yield Problem(element, f"headerTrailerLink={link} is used by several {kind}s ({labels})",
                          attribute="options", official="2.21.7")
