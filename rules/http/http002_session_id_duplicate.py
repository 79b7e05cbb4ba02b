"""## What it does
Reports HTTP sessions that share the same id (compared as numbers, so `7`, ` 7 `
and `07` are the same id). One finding per duplicated id, on its second occurrence,
listing the lines of all of them.

## Why is this bad
A group or a WebSocket handshake names a session by id. With two sessions under
one id, DataMiner executes only one of them and the other is dead code, or the
wrong request is sent.

## Example
```xml
<Session id="2" name="Get status">...</Session>
<Session id="2" name="Set config">...</Session>
```

## Use instead
```xml
<Session id="2" name="Get status">...</Session>
<Session id="3" name="Set config">...</Session>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import duplicate_groups, line_of, numeric_id

CODE = "HTTP002"
NAME = "session-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several HTTP sessions have the same id"


def check(model):
    items = ((numeric_id(s.element.get("id")), s.element) for s in model.all_sessions)
    for session_id, elements in duplicate_groups(items):
        lines = ", ".join(str(line_of(model, element)) for element in elements)
        yield Problem(elements[1], f"{len(elements)} HTTP sessions have id {session_id} (lines {lines}): "
                                   f"session ids must be unique", attribute="id")
