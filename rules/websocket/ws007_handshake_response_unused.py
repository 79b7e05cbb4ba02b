"""## What it does
Checks the handshake session's `Response`: every parameter it stores into
(`statusCode`, `Content@pid`, `Headers/Header@pid`) must exist and be used:
shown to operators (`Display/RTDisplay` true) or referenced by id somewhere else
(QAction triggers or inputs, triggers and actions, conditions, command or response
content, other sessions, dependencies, ...). An empty `<Response/>` stores nothing
and is not reported.

## Why is this bad
A response that stores into nothing useful is leftover configuration: it costs
parameters, suggests the status is monitored when it is not, and a missing
parameter hides a typo.

There is a trade-off in the fix. The vendor's WebSocket documentation says the
status code and content "can be removed if they are not used". The official
`protocol.xsd`, however, requires every `Session/Connection` to have a `Response`
with a `Content` or `Headers` child, so deleting the Response makes the protocol
fail the official schema. The fix that satisfies both is to keep the Response
and store into a parameter that is actually shown or used (for example display
the status line). Remove the Response only if you do not validate against the
official schema.

## Example
```xml
<Response statusCode="220">   <!-- Param 220 is neither displayed nor used -->
  <Content pid="270"/>        <!-- Param 270 does not exist -->
</Response>
```

## Use instead
```xml
<Response statusCode="220">
  <Content pid="270"/>
</Response>
...
<Param id="220"><Name>HandshakeStatus</Name>...<Display><RTDisplay>true</RTDisplay></Display></Param>
<Param id="270"><Name>HandshakeContent</Name>...<Display><RTDisplay>true</RTDisplay></Display></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child, children

CODE = "WS007"
NAME = "handshake-response-unused"
SEVERITY = "warning"
SUMMARY = "The handshake Response stores into missing or unused parameters"


def _stored_ids(response):
    """(raw id, element that stores it) for every parameter the Response fills."""
    stored = []
    if response.get("statusCode") is not None:
        stored.append((response.get("statusCode"), response))
    for content in children(response, "Content"):
        if content.get("pid") is not None:
            stored.append((content.get("pid"), content))
    for header in children(child(response, "Headers"), "Header"):
        if header.get("pid") is not None:
            stored.append((header.get("pid"), header))
    return stored


def check(model):
    for session in model.handshake_sessions():
        for connection in session.connections:
            response = connection.response
            if response is None:
                continue
            stored = _stored_ids(response)
            if not stored:
                continue
            storing_elements = {id(element) for _, element in stored}
            missing, unused = [], []
            for raw, _ in stored:
                param = model.param(raw)
                if param is None:
                    missing.append(raw.strip() or "''")
                    continue
                if param.displayed:
                    continue
                used_elsewhere = any(id(ref.element) not in storing_elements
                                     for ref in model.references_to(param.id))
                if not used_elsewhere:
                    unused.append(param.id)
            if not missing and not unused:
                continue
            parts = []
            if missing:
                parts.append("stores into missing parameter(s) " + ", ".join(missing))
            if unused:
                parts.append("stores into parameter(s) " + ", ".join(unused) + " that nothing displays or uses")
            yield Problem(response,
                          f"the Response of handshake session {session.id} " + " and ".join(parts)
                          + ": display or use these parameters (the official schema needs the Response), "
                          "or remove the Response if you do not validate against protocol.xsd")

