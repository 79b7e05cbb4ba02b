"""## What it does
Checks the `id` of every `Connection` inside an `HTTP/Session`: it must be
present, not blank, and a plain unsigned integer (digits only, no sign, no
leading zero, no decimals).

## Why is this bad
A session runs its connections (request/response pairs) by id; a connection
without a usable id cannot be addressed, and DataMiner may refuse the protocol.

## Example
```xml
<Session id="1" name="Login">
  <Connection name="Post credentials">...</Connection>
</Session>
```

## Use instead
```xml
<Session id="1" name="Login">
  <Connection id="1" name="Post credentials">...</Connection>
</Session>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import EMPTY, INVALID, MISSING, id_status, session_connections, session_label

CODE = "HTTP003"
NAME = "session-connection-id-invalid"
SEVERITY = "error"
SUMMARY = "An HTTP session connection id is missing, empty or not a plain unsigned integer"


def check(model):
    for connection in session_connections(model):
        element = connection.element
        raw = element.get("id")
        status = id_status(raw)
        where = f"a connection of {session_label(connection.session)}"
        if status == MISSING:
            yield Problem(element, f"{where} has no id: give it an unsigned integer id unique in the session",
                          official="8.17.1")
        elif status == EMPTY:
            yield Problem(element, f"{where} has an empty id: give it an unsigned integer id unique in the session",
                          attribute="id", official="8.17.2")
        elif status == INVALID:
            yield Problem(element, f"{where} has id '{raw}', which is not a plain unsigned integer "
                                   f"(digits only, no sign, no leading zero)", attribute="id", official="8.17.4")
