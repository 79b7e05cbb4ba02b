"""## What it does
Reports request header keys that are not a registered HTTP request or general
header name (the list the DataMiner protocol schema knows, taken from the IANA
message header registry). Names are compared case-insensitively, as HTTP does.

## Why is this bad
A misspelt header (`Content-Typ`, `Autorization`) is sent as written and simply
ignored by the server, so the request silently loses its content type or its
credentials.

Severity: the official validator rates this Major but *uncertain*: many devices
define their own headers (`X-Api-Key`, ...). dmlint therefore reports it as a
warning: check the spelling, and suppress the finding for a vendor header.

## Example
```xml
<Header key="Content-Typ">application/json</Header>
```

## Use instead
```xml
<Header key="Content-Type">application/json</Header>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import request_header_entries
from dmlint.rules.http._http_headers import is_known

CODE = "HTTP009"
NAME = "header-key-unknown"
SEVERITY = "warning"
OFFICIAL_SEVERITY = False  # see the docs above: a deliberate exception to the official severity
SUMMARY = "A request header key is not a registered HTTP header name"


def check(model):
    for connection, header, key, _verb in request_header_entries(model):
        if key is not None and not is_known(key):
            yield Problem(header, f"request header key '{key}' ({connection.where}) is not a registered HTTP "
                                  f"request header: check the spelling (suppress this for a vendor-specific header)",
                          attribute="key")
