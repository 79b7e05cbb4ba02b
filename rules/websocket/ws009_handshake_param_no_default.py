"""## What it does
Checks that every parameter feeding the handshake (the URL parameter and each
header's parameter) has a non-empty `Interprete/DefaultValue`.

## Why is this bad
The handshake happens when the element starts, before any QAction or operator
could set the parameter. Without a default the first handshake sends an empty
URL or header, and the device refuses it.

## Example
```xml
<Param id="9">
  <Name>ExtensionsHeader</Name>
  <Interprete><RawType>other</RawType><Type>string</Type></Interprete>
</Param>
```

## Use instead
```xml
<Param id="9">
  <Name>ExtensionsHeader</Name>
  <Interprete>
    <RawType>other</RawType><Type>string</Type>
    <DefaultValue>permessage-deflate; client_max_window_bits</DefaultValue>
  </Interprete>
</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "WS009"
NAME = "handshake-param-no-default"
SEVERITY = "warning"
SUMMARY = "A handshake URL or header parameter has no default value"


def check(model):
    reported = set()
    for session in model.handshake_sessions():
        for connection in session.connections:
            uses = [(connection.url_reference, "the URL")]
            for header in connection.request_headers:
                key = (header.get("key") or "").strip() or "(no key)"
                uses.append((header.get("pid"), f"header '{key}'"))
            for raw, role in uses:
                param = model.param(raw)
                if param is None or id(param.element) in reported:
                    continue
                value = param.default_value
                if value is not None and value.strip():
                    continue
                reported.add(id(param.element))
                state = "no Interprete/DefaultValue" if value is None else "an empty Interprete/DefaultValue"
                yield Problem(param.element,
                              f"parameter {param.id} gives {role} of handshake session {session.id} but has "
                              f"{state}, so the first handshake sends it empty: add a DefaultValue")
