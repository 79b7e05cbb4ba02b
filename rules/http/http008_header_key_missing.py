"""## What it does
Reports request headers (`Request/Headers/Header`) without a `key` attribute or
with an empty one.

## Why is this bad
Without a key there is no header name to send: DataMiner drops the header, or
sends a malformed line that the server rejects with 400 Bad Request. Either way
the value meant for the header never reaches the device.

## Example
```xml
<Headers>
  <Header>application/json</Header>
  <Header key="" pid="10"/>
</Headers>
```

## Use instead
```xml
<Headers>
  <Header key="Accept">application/json</Header>
  <Header key="Authorization" pid="10"/>
</Headers>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import request_header_entries

CODE = "HTTP008"
NAME = "header-key-missing"
SEVERITY = "warning"
SUMMARY = "A request header has no key or an empty key"


def check(model):
    for connection, header, key, _verb in request_header_entries(model):
        if key is not None:
            continue
        if header.get("key") is None:
            yield Problem(header, f"request header ({connection.where}) has no key attribute: "
                                  f"say which header this is, e.g. key=\"Accept\"", official="8.3.3")
        else:
            yield Problem(header, f"request header ({connection.where}) has an empty key: "
                                  f"write the header name, e.g. key=\"Accept\"", attribute="key", official="8.3.4")
