"""## What it does
Reports `Content-Length`, `Content-Type` and `Transfer-Encoding` headers on a
`GET` or `HEAD` request.

## Why is this bad
These headers describe a request body, and GET and HEAD requests have none.
Servers and proxies may reject such a request (400, 411) or wait for a body that
never comes until the request times out.

## Example
```xml
<Request verb="GET" url="api/status">
  <Headers>
    <Header key="Content-Type">application/json</Header>
  </Headers>
</Request>
```

## Use instead
```xml
<Request verb="GET" url="api/status">
  <Headers>
    <Header key="Accept">application/json</Header>
  </Headers>
</Request>
```
(`Accept` says which response format you want.)
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import BODY_HEADERS, BODYLESS_VERBS, request_header_entries

CODE = "HTTP010"
NAME = "header-key-not-for-verb"
SEVERITY = "error"
SUMMARY = "A GET or HEAD request carries a header that describes a request body"


def check(model):
    for connection, header, key, verb in request_header_entries(model):
        if key is not None and verb in BODYLESS_VERBS and key.lower() in BODY_HEADERS:
            yield Problem(header, f"request header '{key}' ({connection.where}) describes a request body, but a "
                                  f"{verb} request has none: remove it", attribute="key")
