"""## What it does
Checks that `CommunicationOptions/NotifyConnectionPIDs/Connections` and
`/Disconnections` name an existing parameter.

## Why is this bad
DataMiner writes the connection state (0 closed, 1 open) into that parameter.
When it does not exist the state is lost, and anything waiting for the
connection to open (commands, timers, QActions) never starts.

## Example
```xml
<NotifyConnectionPIDs><Connections>70</Connections></NotifyConnectionPIDs>
<!-- no Param 70 -->
```

## Use instead
```xml
<NotifyConnectionPIDs><Connections>7</Connections></NotifyConnectionPIDs>
...
<Param id="7"><Name>WebSocketStatus</Name>...</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "WS011"
NAME = "websocket-status-param-missing"
SEVERITY = "error"
SUMMARY = "NotifyConnectionPIDs names a parameter that does not exist"


def check(model):
    for connection in model.connections:
        for name in ("Connections", "Disconnections"):
            element = connection.notify_element(name)
            if element is None:
                continue
            raw = (element.text or "").strip()
            if model.param(raw) is not None:
                continue
            if not raw:
                what = "is empty"
            else:
                what = f"names parameter '{raw}', which does not exist"
            yield Problem(element,
                          f"NotifyConnectionPIDs/{name} of {connection.label()} {what}: "
                          f"point it at the parameter that receives the connection state (0 closed, 1 open)")
