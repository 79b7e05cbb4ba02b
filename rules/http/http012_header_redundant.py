"""## What it does
Reports request headers that DataMiner already manages:

- `User-Agent`: DataMiner sends its own (`DataMiner`);
- `Connection: Keep-Alive`: DataMiner keeps connections alive by default.

## Why is this bad
The header adds nothing, and it hides the fact that DataMiner controls that
behaviour: a later reader may think removing it changes something. If a device
really needs a specific user agent, keep the header and suppress the finding.

## Example
```xml
<Header key="User-Agent">DataMiner</Header>
<Header key="Connection">Keep-Alive</Header>
```

## Use instead
Remove both headers.
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import request_header_entries

CODE = "HTTP012"
NAME = "header-redundant"
SEVERITY = "warning"
SUMMARY = "A request header is one DataMiner already sets itself"


def check(model):
    for connection, header, key, _verb in request_header_entries(model):
        if key is None:
            continue
        if key.lower() == "user-agent":
            yield Problem(header, f"request header 'User-Agent' ({connection.where}) is redundant: DataMiner sends "
                                  f"its own; remove it unless the device needs a specific value", attribute="key")
        elif key.lower() == "connection" and (header.text or "").strip().lower() == "keep-alive":
            yield Problem(header, f"request header 'Connection: Keep-Alive' ({connection.where}) is redundant: "
                                  f"DataMiner keeps connections alive by default; remove it", attribute="key")
