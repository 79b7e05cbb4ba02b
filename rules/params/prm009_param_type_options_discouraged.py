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
from dmlint.model import matrix
from dmlint.model.options import type_options

CODE = "PRM009"
NAME = "param-type-options-discouraged"
SEVERITY = "warning"
SUMMARY = "Type@options has a headerTrailerLink without effect or SSH credential options"


def check(model):
    smart_serial = None
    for entry in model.param_types:
        raw = entry.element.get("options") if entry.element is not None else None
        if raw is None:
            continue
        if smart_serial is None:
            smart_serial = any(kind == "smart-serial" for _, kind in model.numbered_connections)
        parts = raw.strip().split(";")
        if not (smart_serial and entry.kind in ("header", "trailer")):
            link = next((part for part in parts if part.lower().startswith("headertrailerlink")), None)
            if link is not None:
                yield Problem(entry.element, f"{entry.label} has option '{link}', which only has an effect "
                                             f"on a header or trailer of a smart-serial protocol: remove it",
                              attribute="options", official="2.21.6")
        ssh = type_options(raw.strip()).ssh
        if ssh and matrix.type_problem(model, entry.param.element, entry.label) is None:
            for option in ssh:
                yield Problem(entry.element, f"{entry.label} uses option '{option}': reference the parameter from "
                                             f"PortSettings/SSH/Credentials instead", attribute="options",
                              official="2.21.20")
