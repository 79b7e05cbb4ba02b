"""## What it does
Checks where the handshake request gets its URL. A numeric `Request@url` (the
WebSocket documentation's spelling) must name an existing parameter; a non-numeric
`url` is a hard-coded URL, which DataMiner does not use for a handshake; a request
with neither `pid` nor `url` has no URL at all. `Request@pid` (the schema's
spelling) is an HTTP reference site, judged once by HTTP006/HTTP007 (8.9.x).

## Why is this bad
For the opening handshake DataMiner reads the URL from a parameter. When the
parameter is missing, or the URL is typed into the attribute, the handshake goes
to the wrong path (or none) and the server answers 404.

## Example
```xml
<Request verb="GET" url="ws://10.0.0.5:8050/x-nmos/events/ws">
```

## Use instead
```xml
<Request verb="GET" pid="8">
...
<Param id="8" save="true">
  <Name>WebSocketUrl</Name>
  <Interprete><DefaultValue>x-nmos/events/ws</DefaultValue></Interprete>
</Param>
```
"""

from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem

CODE = "WS005"
NAME = "handshake-url-unresolved"
SEVERITY = "error"
SUMMARY = "The handshake URL does not come from an existing parameter"


def check(model):
    for session in model.handshake_sessions():
        for connection in session.connections:
            request = connection.request
            if request is None:
                continue  # WS003 reports the missing Request
            pid = request.get("pid")
            url = request.get("url")
            if pid is not None:
                continue  # Request@pid is an HTTP reference site: HTTP006/HTTP007 judge it (8.9.x)
            if url is not None:
                if normalize_id(url) is None:
                    yield Problem(request,
                                  f"handshake request of session {session.id} has a hard-coded url '{url.strip()}', "
                                  f"which DataMiner does not use for the handshake: put the URL in a saved "
                                  f"parameter and reference it with pid", attribute="url")
                elif model.param(url) is None:
                    yield Problem(request,
                                  f"handshake request of session {session.id} takes its URL from parameter "
                                  f"{url.strip()}, which does not exist: add the Param or fix the url",
                                  attribute="url")
            else:
                yield Problem(request,
                              f"handshake request of session {session.id} has neither pid nor url: "
                              f"reference the parameter holding the URL with pid")
