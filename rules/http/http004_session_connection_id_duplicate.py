"""## What it does
Reports connections of one HTTP session that share the same id (compared as
numbers). One finding per duplicated id, on its second occurrence, listing the
lines of all of them. The same id in two different sessions is fine.

## Why is this bad
Within a session, DataMiner addresses each request/response pair by its
connection id; with a duplicate, one of the requests is never sent or its
response lands in the wrong parameters.

## Example
```xml
<Session id="1" name="Login">
  <Connection id="1" name="Get token">...</Connection>
  <Connection id="1" name="Get data">...</Connection>
</Session>
```

## Use instead
```xml
<Session id="1" name="Login">
  <Connection id="1" name="Get token">...</Connection>
  <Connection id="2" name="Get data">...</Connection>
</Session>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import children
from dmlint.rules.http._http import duplicate_groups, line_of, numeric_id, session_label

CODE = "HTTP004"
NAME = "session-connection-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several connections of one HTTP session have the same id"


def check(model):
    for session in model.all_sessions:
        items = ((numeric_id(c.get("id")), c) for c in children(session.element, "Connection"))
        for connection_id, elements in duplicate_groups(items):
            lines = ", ".join(str(line_of(model, element)) for element in elements)
            yield Problem(elements[1],
                          f"{len(elements)} connections of {session_label(session)} have id {connection_id} "
                          f"(lines {lines}): connection ids must be unique within a session", attribute="id")
