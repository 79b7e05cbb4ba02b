"""## What it does
Reports `Param/Type@options` that DataMiner tolerates but that should go:

- `headerTrailerLink` on a parameter that is not a `header` or `trailer`, or in a
  protocol without smart-serial connection: it has no effect.
- `SSH Username`, `SSH PWD` or `SSH Options`: they tie the protocol to a single SSH
  connection on port 22; reference the parameters from `PortSettings/SSH` instead.

The official severities are Warning (headerTrailerLink) and Minor (SSH); dmlint
reports warnings.

## Why is this bad
Options without effect mislead the next reader; the SSH options block any second
SSH connection or another port.

## Example
```xml
<Param id="20"><Name>User</Name><Type options="SSH Username">read</Type>...</Param>
```

## Use instead
```xml
<PortSettings name="SSH Connection">
  <SSH><Credentials><Username pid="20"/><Password pid="21"/></Credentials></SSH>
</PortSettings>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.connections import SMART_SERIAL_TYPES

CODE = "PRM009"
NAME = "param-type-options-discouraged"
SEVERITY = "warning"
SUMMARY = "Type@options has a headerTrailerLink without effect or SSH credential options"

SSH_OPTIONS = ("ssh username", "ssh pwd", "ssh options")


def check(model):
    smart_serial = None
    for entry in model.param_types:
        if not entry.options:
            continue
        for option in entry.options:
            lowered = option.lower()
            if lowered.startswith("headertrailerlink"):
                if smart_serial is None:
                    smart_serial = any(k in SMART_SERIAL_TYPES for k in model.connection_types)
                if not (smart_serial and entry.kind in ("header", "trailer")):
                    yield Problem(entry.element, f"{entry.label} has option '{option}', which only has an effect "
                                                 f"on a header or trailer of a smart-serial protocol: remove it",
                                  attribute="options", official="2.21.6")
            elif lowered in SSH_OPTIONS:
                yield Problem(entry.element, f"{entry.label} uses option '{option}': reference the parameter from "
                                             f"PortSettings/SSH/Credentials instead", attribute="options",
                              official="2.21.20")
