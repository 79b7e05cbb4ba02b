"""## What it does
Reports a `Response/Content/Param` that names a parameter that does not exist
(also when the protocol has no `<Params>` at all). The official check looks the id
up exactly as written, so ` 5`, `05` and `+5` name nothing either: write the id
plainly.

Only responses whose id can be read are checked (RSP001 reports the others).

## Why is this bad
DataMiner cuts the device's answer into the parameters of the response content.
A reference to a missing parameter breaks the parsing: the fields after it land
in the wrong parameters or are lost.

## Example
```xml
<Response id="1"><Content><Param>10</Param><Param>99</Param></Content></Response>
<!-- Params holds 10 only -->
```

## Use instead
```xml
<Response id="1"><Content><Param>10</Param><Param>11</Param></Content></Response>
```
"""

from dmlint.rules._items import verdicts_of_valid_items

CODE = "RSP005"
NAME = "response-param-unresolved"
SEVERITY = "error"
SUMMARY = "A Response's content names a parameter that does not exist"


def check(model):
    for verdict in verdicts_of_valid_items(model, CODE, "response", 2):
        yield verdict.problem
