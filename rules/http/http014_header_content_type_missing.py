"""## What it does
Reports `POST` and `PUT` requests without a `Content-Type` header.

## Why is this bad
A POST or PUT sends a body, and the server needs `Content-Type` to know how to
read it. Without it many APIs answer 415 Unsupported Media Type, or parse the
body as form data and ignore the fields.

(The official validator only looks when the request has a `<Headers>` element;
dmlint also reports a POST or PUT without any headers, which misses the header
just the same.)

## Example
```xml
<Request verb="POST" url="api/login">
  <Data pid="20"/>
</Request>
```

## Use instead
```xml
<Request verb="POST" url="api/login">
  <Headers>
    <Header key="Content-Type">application/json</Header>
  </Headers>
  <Data pid="20"/>
</Request>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.rules.http._http import BODY_VERBS, header_key, request_verb, session_connections

CODE = "HTTP014"
NAME = "header-content-type-missing"
SEVERITY = "warning"
SUMMARY = "A POST or PUT request has no Content-Type header"


def check(model):
    for connection in session_connections(model):
        request = connection.request
        if request is None:
            continue
        verb = request_verb(request)
        if verb not in BODY_VERBS:
            continue
        if any((header_key(h) or "").lower() == "content-type" for h in connection.request_headers):
            continue
        headers = child(request, "Headers")
        yield Problem(request if headers is None else headers,
                      f"{verb} request ({connection.where}) has no Content-Type header: add one saying how the "
                      f"body is encoded, e.g. application/json")
