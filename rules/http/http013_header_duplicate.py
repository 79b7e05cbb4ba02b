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

## Fix safety
Unsafe: the fix keeps the first header of the key and gives it every distinct value of the repeated
headers, separated by ', ' (a value written more than once is kept at its last place), and removes
the other headers: the server receives one header holding all values where it received one of them
before. No fix is offered when one of the headers takes its value from a parameter (pid) or holds
more than text.
"""

from dmlint.core.fixes import UNSAFE, Fix, remove_element, replace_text
from dmlint.core.problem import Problem
from dmlint.rules.http._http import duplicate_groups, header_key, line_of, session_connections

CODE = "HTTP013"
NAME = "header-duplicate"
SEVERITY = "error"
FIX = "unsafe"
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
                          attribute="key", fix=_merged(model, elements))


def _merged(model, elements):
    """One header (the first) with the distinct values of all, each at its last place."""
    if any(header.get("pid") is not None or len(header) for header in elements):
        return None
    last: dict[str, int] = {}
    for place, header in enumerate(elements):
        value = (header.text or "").strip()
        if value:
            last[value] = place
    value = ", ".join(sorted(last, key=last.get))
    document = model.document
    return Fix.of(replace_text(document, elements[0], value), *(remove_element(document, h) for h in elements[1:]),
                  safety=UNSAFE, message=f"merge the values into one header: '{value}'")
