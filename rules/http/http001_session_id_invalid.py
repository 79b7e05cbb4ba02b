"""## What it does
Checks the `id` of every `HTTP/Session`: it must be present, not blank, and a
plain unsigned integer (digits only, no sign, no leading zero, no decimals).

## Why is this bad
Sessions are found by id: a group polls `<Session>5</Session>` and a WebSocket
connection names its handshake with `<WebSocketHandshake>5</WebSocketHandshake>`.
A session without a usable id can never be executed, and DataMiner may refuse to
load the protocol.

## Example
```xml
<HTTP>
  <Session name="Get status">...</Session>
  <Session id="03" name="Get config">...</Session>
</HTTP>
```

## Use instead
```xml
<HTTP>
  <Session id="1" name="Get status">...</Session>
  <Session id="3" name="Get config">...</Session>
</HTTP>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import EMPTY, INVALID, MISSING, id_status

CODE = "HTTP001"
NAME = "session-id-invalid"
SEVERITY = "error"
SUMMARY = "An HTTP session id is missing, empty or not a plain unsigned integer"


def check(model):
    for position, session in enumerate(model.all_sessions, start=1):
        raw = session.element.get("id")
        status = id_status(raw)
        name = session.element.get("name")
        what = f"HTTP session #{position}" + (f" ('{name}')" if name else "")
        if status == MISSING:
            yield Problem(session.element, f"{what} has no id: give it a unique unsigned integer id",
                          official="8.16.1")
        elif status == EMPTY:
            yield Problem(session.element, f"{what} has an empty id: give it a unique unsigned integer id",
                          attribute="id", official="8.16.2")
        elif status == INVALID:
            yield Problem(session.element,
                          f"{what} has id '{raw}', which is not a plain unsigned integer "
                          f"(digits only, no sign, no leading zero)", attribute="id", official="8.16.4")
