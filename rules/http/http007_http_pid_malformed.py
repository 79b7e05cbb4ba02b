"""## What it does
Reports HTTP session parameter references that are present but blank or not an
unsigned integer: `Request@pid`, `Request/Data@pid`, `Request/Headers/Header@pid`,
`Request/Parameters/Parameter@pid`, `Response@statusCode`, `Response/Content@pid`
and `Response/Headers/Header@pid`.

Session credentials (`userName`, `password`, `proxy*`) are not checked here: a
non-numeric value there is a literal, which is allowed.

## Why is this bad
These attributes can only hold a parameter id. A blank or textual value is not
a reference at all: DataMiner cannot fill the request from it or store the
response into it (and the official schema rejects the file).

## Example
```xml
<Request verb="GET" pid="url"/>
<Response statusCode=""><Content pid="body"/></Response>
```

## Use instead
```xml
<Request verb="GET" pid="10"/>
<Response statusCode="11"><Content pid="12"/></Response>
```
If the URL is fixed, write it in `Request@url` instead of `pid`; if the status
line is not needed, drop the `statusCode` attribute.
"""

from dmlint.model.references import reported_by

CODE = "HTTP007"
NAME = "http-pid-malformed"
SEVERITY = "error"
SUMMARY = "An HTTP session pid or statusCode is blank or not a parameter id"

check = reported_by(CODE)
