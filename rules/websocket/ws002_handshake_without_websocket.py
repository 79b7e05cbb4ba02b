"""## What it does
Checks that a connection with a `WebSocketHandshake` is a WebSocket connection:
its `CommunicationOptions/WebSocket` must be `true`.

## Why is this bad
The handshake session is only used to open a WebSocket. On a plain HTTP
connection the setting is ignored, which usually means `<WebSocket>` was
forgotten or set on another connection.

## Example
```xml
<CommunicationOptions>
  <WebSocketHandshake>25</WebSocketHandshake>
</CommunicationOptions>
```

## Use instead
```xml
<CommunicationOptions>
  <WebSocket>true</WebSocket>
  <WebSocketHandshake>25</WebSocketHandshake>
</CommunicationOptions>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import text_of

CODE = "WS002"
NAME = "handshake-without-websocket"
SEVERITY = "error"
SUMMARY = "WebSocketHandshake is set on a connection that is not a WebSocket"


def check(model):
    for handshake in model.handshakes():
        connection = handshake.connection
        if connection.is_websocket:
            continue
        value = text_of(connection.option("WebSocket"))
        state = "has no <WebSocket> option" if value is None else f"has <WebSocket>{value}</WebSocket>"
        yield Problem(handshake.element,
                      f"{connection.label()} sets WebSocketHandshake but {state}: "
                      f"add <WebSocket>true</WebSocket> to its CommunicationOptions or remove the handshake")
