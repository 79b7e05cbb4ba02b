"""## What it does
Checks the `id` of every `Protocol/Responses/Response`: it must be present, not
blank, and a plain unsigned number (digits only: no sign, no leading zero, no
decimals).

## Why is this bad
A pair names the responses it waits for by id (`<Response>5</Response>` in its
content), and triggers fire on them. A response whose id cannot be read is never
matched, and the other checks of the response are skipped until its id is fixed.

## Example
```xml
<Response><Name>Status</Name>...</Response>
<Response id="2,5"><Name>Config</Name>...</Response>
```

## Use instead
```xml
<Response id="1"><Name>Status</Name>...</Response>
<Response id="2"><Name>Config</Name>...</Response>
```
"""

from dmlint.rules._items import id_problems

CODE = "RSP001"
NAME = "response-id-invalid"
SEVERITY = "error"
SUMMARY = "A Response has no id, an empty id or an id that is not a plain number"


def check(model):
    yield from id_problems(model, "response", "11.4.1", "11.4.2", "11.4.4")
