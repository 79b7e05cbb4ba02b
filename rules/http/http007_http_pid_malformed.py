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

from dmlint.core.problem import Problem
from dmlint.rules.http._http import EMPTY, INVALID, param_references, ref_status

CODE = "HTTP007"
NAME = "http-pid-malformed"
SEVERITY = "error"
SUMMARY = "An HTTP session pid or statusCode is blank or not a parameter id"
SKYLINE = ("8.9.2", "8.9.3", "8.10.2", "8.10.3", "8.11.2", "8.11.3", "8.12.2", "8.12.3", "8.13.2", "8.13.3",
           "8.14.2", "8.14.3", "8.15.2", "8.15.3")


def check(model):
    for reference in param_references(model):
        if reference.literal_allowed:
            continue
        raw = reference.raw
        status = ref_status(raw)
        if status == EMPTY:
            yield Problem(reference.element, f"{reference.what} ({reference.where}) is empty: "
                                             f"write the id of the parameter, or remove the attribute",
                          attribute=reference.attribute, skyline=(reference.check + ".2",))
        elif status == INVALID:
            yield Problem(reference.element, f"{reference.what} ({reference.where}) is '{raw}', which is not a "
                                             f"parameter id (an unsigned integer)",
                          attribute=reference.attribute, skyline=(reference.check + ".3",))
