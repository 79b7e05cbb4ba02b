"""## What it does
Checks every `Header` of the handshake request: it must take its value from a
parameter through `pid`. A `pid` that is empty, not an id or names no parameter is
an HTTP reference problem, reported once by HTTP006/HTTP007 (official 8.11.x) for
every session, the handshake's included.

## Why is this bad
In a handshake session every value comes from a parameter; a fixed header value
is not supported: DataMiner sends the header without it, and the device then
refuses the handshake, typically with 400 or 403.

## Example
```xml
<Header key="Authorization">Bearer abc</Header>
```

## Use instead
```xml
<Header key="Authorization" pid="10"/>
<Header key="Sec-WebSocket-Extensions" pid="9"/>
...
<Param id="9"><Name>ExtensionsHeader</Name>...</Param>
<Param id="10"><Name>AuthorizationHeader</Name>...</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "WS004"
NAME = "handshake-header-unresolved"
SEVERITY = "error"
SUMMARY = "A handshake header has a fixed value instead of a pid"


def check(model):
    for session in model.handshake_sessions():
        for connection in session.connections:
            for header in connection.request_headers:
                key = (header.get("key") or "").strip() or "(no key)"
                pid = header.get("pid")
                if pid is None:
                    yield Problem(header,
                                  f"handshake header '{key}' in session {session.id} has no pid: a fixed value is "
                                  f"not supported, put the value in a parameter and reference it with pid")
                # A pid that is empty, not an id or names no parameter: HTTP006/HTTP007 (8.11.x).
