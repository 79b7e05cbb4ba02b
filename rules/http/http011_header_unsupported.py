"""## What it does
Reports request headers DataMiner cannot honour:

- `Content-Length` on a `POST` or `PUT` request: DataMiner computes the length
  of the body it sends itself;
- `Accept-Encoding` offering an encoding other than `identity`, `gzip` or
  `deflate` (e.g. `br`, `*`): DataMiner can only decode those three. Encodings
  are compared case-insensitively and `;q=` weights are ignored.

## Why is this bad
A fixed `Content-Length` is wrong as soon as the body changes, and the server
then truncates the body or waits for bytes that never come. If the server picks
an encoding DataMiner cannot decode, the response parameters receive compressed
bytes instead of text.

## Example
```xml
<Request verb="POST" url="api/config">
  <Headers>
    <Header key="Content-Type">application/json</Header>
    <Header key="Content-Length">42</Header>
    <Header key="Accept-Encoding">gzip, br</Header>
  </Headers>
</Request>
```

## Use instead
```xml
<Request verb="POST" url="api/config">
  <Headers>
    <Header key="Content-Type">application/json</Header>
    <Header key="Accept-Encoding">gzip, deflate</Header>
  </Headers>
</Request>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.http._http import BODY_VERBS, request_header_entries

CODE = "HTTP011"
NAME = "header-unsupported"
SEVERITY = "error"
SUMMARY = "A request header asks for something DataMiner does not support"

SUPPORTED_ENCODINGS = ("identity", "gzip", "deflate")


def unsupported_encodings(value: str) -> list[str]:
    found = []
    for item in value.split(","):
        coding = item.split(";")[0].strip()
        if coding and coding.lower() not in SUPPORTED_ENCODINGS:
            found.append(coding)
    return found


def check(model):
    for connection, header, key, verb in request_header_entries(model):
        if key is None:
            continue
        name = key.lower()
        if name == "content-length" and verb in BODY_VERBS:
            yield Problem(header, f"request header 'Content-Length' ({connection.where}): DataMiner sets the length "
                                  f"of the {verb} body itself; remove the header", attribute="key")
        elif name == "accept-encoding" and (header.text or "").strip():
            unsupported = unsupported_encodings(header.text)
            if unsupported:
                yield Problem(header, f"request header 'Accept-Encoding' ({connection.where}) offers "
                                      f"{', '.join(repr(c) for c in unsupported)}, which DataMiner cannot decode: "
                                      f"offer only identity, gzip or deflate")
