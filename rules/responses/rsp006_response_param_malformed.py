"""## What it does
Reports a `Response/Content/Param` that is empty or does not hold a parameter id
(a number). A number that names no parameter is RSP005's.

Only responses whose id can be read are checked (RSP001 reports the others).

## Why is this bad
The content of a response is the list of parameters the device's answer is cut
into; anything else is skipped and the answer is parsed into the wrong fields.

## Example
```xml
<Response id="1"><Content><Param></Param><Param>Trailer</Param></Content></Response>
```

## Use instead
```xml
<Response id="1"><Content><Param>10</Param><Param>11</Param></Content></Response>
```
"""

from dmlint.rules._items import verdicts_of_valid_items

CODE = "RSP006"
NAME = "response-param-malformed"
SEVERITY = "error"
SUMMARY = "A Response's content has an empty Param or one that is not a parameter id"


def check(model):
    for verdict in verdicts_of_valid_items(model, CODE, "response", 2):
        yield verdict.problem
