"""## What it does
Checks every `Header` of the handshake request: it must take its value from a
parameter through `pid`, and that parameter must exist.

## Why is this bad
In a handshake session every value comes from a parameter; a fixed header value
is not supported, and a `pid` naming no parameter sends an empty or missing
header. The device then refuses the handshake, typically with 400 or 403.

## Example
```xml
<Header key="Authorization">Bearer abc</Header>
<Header key="Sec-WebSocket-Extensions" pid="90"/>  <!-- no Param 90 -->
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
SUMMARY = "A handshake header has no pid or its pid names no parameter"
# The official validator checks Header@pid in every session (8.11.x); this rule
# is the handshake's stricter variant, so SuppressValidator comments for those
# codes also silence it.
SKYLINE = ("8.11.1", "8.11.2", "8.11.3")


def check(model):
    for session in model.handshake_sessions():
        for connection in session.connections:
            for header in connection.request_headers:
                key = (header.get("key") or "").strip() or "(no key)"
                pid = header.get("pid")
                if pid is None or not pid.strip():
                    yield Problem(header,
                                  f"handshake header '{key}' in session {session.id} has no pid: a fixed value is "
                                  f"not supported, put the value in a parameter and reference it with pid")
                elif model.param(pid) is None:
                    yield Problem(header,
                                  f"handshake header '{key}' in session {session.id} takes its value from "
                                  f"parameter {pid.strip()}, which does not exist: add the Param or fix the pid",
                                  attribute="pid")
