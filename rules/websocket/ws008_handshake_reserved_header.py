"""## What it does
Flags a custom handshake header that DataMiner already writes itself: `Host`,
`Upgrade`, `Connection`, `Sec-WebSocket-Key`, `Sec-WebSocket-Version` (and
`Sec-WebSocket-Accept`, which only a server sends). Keys compare
case-insensitively.

## Why is this bad
DataMiner adds the standard WebSocket handshake headers to every opening
request. A custom header with the same key is sent twice or overrides a value
the protocol depends on (a fixed `Sec-WebSocket-Key` breaks the accept check),
and servers reject duplicated handshake headers.

## Example
```xml
<Header key="Sec-WebSocket-Version" pid="12"/>
```

## Use instead
Remove the header; DataMiner sends `Sec-WebSocket-Version: 13` itself.
"""

from dmlint.core.problem import Problem

CODE = "WS008"
NAME = "handshake-reserved-header"
SEVERITY = "warning"
SUMMARY = "A custom handshake header is one DataMiner writes itself"

RESERVED = {
    "host": "Host",
    "upgrade": "Upgrade",
    "connection": "Connection",
    "sec-websocket-key": "Sec-WebSocket-Key",
    "sec-websocket-version": "Sec-WebSocket-Version",
    "sec-websocket-accept": "Sec-WebSocket-Accept",
}


def check(model):
    for session in model.handshake_sessions():
        for connection in session.connections:
            for header in connection.request_headers:
                key = (header.get("key") or "").strip()
                standard = RESERVED.get(key.lower())
                if standard:
                    yield Problem(header,
                                  f"handshake header '{key}' in session {session.id} is written by DataMiner "
                                  f"itself ({standard}): remove it from the custom headers", attribute="key")
