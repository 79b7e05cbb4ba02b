"""## What it does
Reports a WebSocket connection (`<WebSocket>true</WebSocket>`) without a
`NotifyConnectionPIDs/Connections` parameter.

## Why is this bad
The vendor documentation says every WebSocket implementation should have a
connection-state parameter, shown to operators as a discreet 0 Closed / 1 Open.
Without it nobody can tell from the element whether the WebSocket is open, and
the protocol cannot wait for it before sending commands.

## Example
```xml
<CommunicationOptions>
  <WebSocket>true</WebSocket>
</CommunicationOptions>
```

## Use instead
```xml
<CommunicationOptions>
  <WebSocket>true</WebSocket>
  <NotifyConnectionPIDs><Connections>7</Connections></NotifyConnectionPIDs>
</CommunicationOptions>
```
"""

from dmlint.core.problem import Problem

CODE = "WS012"
NAME = "websocket-status-param-absent"
SEVERITY = "info"
SUMMARY = "A WebSocket connection has no connection-state parameter"


def check(model):
    for connection in model.connections:
        if not connection.is_websocket:
            continue
        element = connection.notify_element("Connections")
        if element is not None:
            continue  # present but empty or wrong: WS011 reports it
        yield Problem(connection.options,
                      f"WebSocket {connection.label()} has no NotifyConnectionPIDs/Connections parameter: "
                      f"add one (a displayed discreet 0 Closed / 1 Open) so operators see the connection state")
