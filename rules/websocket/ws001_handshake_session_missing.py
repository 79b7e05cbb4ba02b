"""## What it does
Checks that a connection's `CommunicationOptions/WebSocketHandshake` names an
existing `HTTP/Session` by its id. It fires when the value is empty, is not an
unsigned integer, or matches no `Session@id`.

## Why is this bad
DataMiner builds the opening handshake of the WebSocket from that session's
request. When the id resolves to nothing, the custom URL and headers are never
sent and the device rejects, or silently misroutes, the connection. Neither the
official schema nor the official validator catch this.

## Example
```xml
<WebSocketHandshake>26</WebSocketHandshake>  <!-- only Session 25 exists -->
...
<HTTP>
  <Session id="25" name="WebSocket Handshake">...</Session>
</HTTP>
```

## Use instead
```xml
<WebSocketHandshake>25</WebSocketHandshake>
```
"""

from dmlint.core.ids import normalize_id, sort_key
from dmlint.core.problem import Problem

CODE = "WS001"
NAME = "handshake-session-missing"
SEVERITY = "error"
SUMMARY = "WebSocketHandshake does not name an existing HTTP session"


def check(model):
    known = ", ".join(sorted(model.sessions, key=sort_key)) or "none"
    for handshake in model.handshakes():
        raw = (handshake.element.text or "").strip()
        where = handshake.connection.label()
        if not raw:
            yield Problem(handshake.element,
                          f"WebSocketHandshake of {where} is empty: set it to the id of the HTTP session "
                          f"that holds the handshake request (sessions: {known})")
        elif normalize_id(raw) is None:
            yield Problem(handshake.element,
                          f"WebSocketHandshake of {where} is '{raw}', not a session id: use the numeric id "
                          f"of an HTTP/Session (sessions: {known})")
        elif handshake.session is None:
            if not model.has_http_block:
                detail = "the protocol has no <HTTP> section"
            else:
                detail = f"existing sessions: {known}"
            yield Problem(handshake.element,
                          f"WebSocketHandshake of {where} names HTTP session {raw}, which does not exist "
                          f"({detail}): add the session or fix the id")
