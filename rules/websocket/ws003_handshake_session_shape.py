"""## What it does
Checks the shape of the handshake session (the `HTTP/Session` a
`WebSocketHandshake` names): exactly one `Connection`, holding a `Request`.

## Why is this bad
DataMiner sends one opening request. A second `Connection` in the session is
never sent during the handshake, and a `Connection` without `Request` leaves the
handshake without URL and headers.

## Example
```xml
<Session id="25" name="WebSocket Handshake">
  <Connection id="1"><Request verb="GET" pid="8"/></Connection>
  <Connection id="2"><Request verb="GET" pid="10"/></Connection>
</Session>
```

## Use instead
```xml
<Session id="25" name="WebSocket Handshake">
  <Connection id="1"><Request verb="GET" pid="8"/></Connection>
</Session>
```
"""

from dmlint.core.problem import Problem

CODE = "WS003"
NAME = "handshake-session-shape"
SEVERITY = "error"
SUMMARY = "The handshake session must have exactly one Connection with a Request"


def check(model):
    for session in model.handshake_sessions():
        connections = session.connections
        if len(connections) != 1:
            yield Problem(session.element,
                          f"handshake session {session.id} has {len(connections)} Connection elements; "
                          f"it needs exactly one, whose Request is the opening handshake")
        elif connections[0].request is None:
            yield Problem(session.element,
                          f"handshake session {session.id} has a Connection without a Request: "
                          f"add <Request verb=\"GET\" pid=\"URL_PARAM\"> with the handshake headers")
