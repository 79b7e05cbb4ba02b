"""## What it does
Reports a request that sets the same header key more than once (keys compared
case-insensitively; `Set-Cookie` is exempt). One finding per repeated key, on
its second occurrence, listing the lines of all of them.

## Why is this bad
Only one value per header reaches the server, or the server sees several and
picks one: which one depends on the server. Write one header holding all values
separated by `, ` instead.

## Example
```xml
<Headers>
  <Header key="Accept">application/json</Header>
  <Header key="accept">text/plain</Header>
</Headers>
```

## Use instead
```xml
<Headers>
  <Header key="Accept">application/json, text/plain</Header>
</Headers>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import duplicate_groups, header_key, line_of, session_connections

CODE = "HTTP013"
NAME = "header-duplicate"
SEVERITY = "error"
SUMMARY = "A request sets the same header key more than once"


def _folded(header):
    key = header_key(header)
    if key is None or key.lower() == "set-cookie":
        return None
    return key.lower()


def check(model):
    for connection in session_connections(model):
        headers = connection.request_headers
        for _key, elements in duplicate_groups((_folded(h), h) for h in headers):
            lines = ", ".join(str(line_of(model, element)) for element in elements)
            yield Problem(elements[1], f"request header '{header_key(elements[0])}' is set {len(elements)} times "
                                       f"({connection.where}, lines {lines}): merge the values into one header",
                          attribute="key")
