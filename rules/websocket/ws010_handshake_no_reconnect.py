"""## What it does
For a connection with a custom handshake, looks for a parameter whose
`Type@options` contains `dynamic ip` targeting that connection (`dynamic ip` or
`dynamic ip 0` target the first connection, `dynamic ip N` connection N, where N
may be the connection's id or its position).

## Why is this bad
Without such a parameter the documented "custom handshake" use case applies:
once the WebSocket is disconnected it cannot reconnect, and the element must be
restarted. The "custom handshake and dynamic IP" use case keeps the custom
headers and reconnects when the parameter is set.

## Example
```xml
<WebSocketHandshake>25</WebSocketHandshake>
<!-- no Param with Type options="dynamic ip" -->
```

## Use instead
```xml
<Param id="2" save="true">
  <Name>WebSocketAddress</Name>
  <Type options="dynamic ip">read</Type>
  ...
</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "WS010"
NAME = "handshake-no-reconnect"
SEVERITY = "info"
SUMMARY = "A custom-handshake connection cannot reconnect without a dynamic ip parameter"


def _targets(connection, target: str) -> bool:
    return target == str(connection.position) or target == connection.id


def check(model):
    dynamic = None  # looked up only when there is a handshake: most protocols have none
    for handshake in model.handshakes():
        if not (handshake.element.text or "").strip():
            continue  # WS001 reports the empty value
        if dynamic is None:
            dynamic = model.dynamic_ip_params()
        connection = handshake.connection
        if any(_targets(connection, target) for param in dynamic for target in param.dynamic_ip_targets()):
            continue
        yield Problem(handshake.element,
                      f"{connection.label()} has a custom handshake but no parameter with "
                      f"Type@options 'dynamic ip' for it: after a disconnect the element must be restarted; "
                      f"add a dynamic ip parameter to allow reconnecting")
