"""## What it does
Reports a response whose content holds a parameter of type `crc` while nothing
verifies it: no trigger `before` that `response` runs an action of type `crc` on
`response`. The response's own trigger (`<On id="5">response</On>`) decides when
it has one; otherwise the triggers on `each` response do.

Only responses whose id can be read are checked (RSP001 reports the others).

## Why is this bad
The checksum of the device's answer is only checked by a `crc` action. Without
one, corrupted answers are accepted and their values stored.

## Example
```xml
<Param id="9"><Name>Checksum</Name><Type>crc</Type>...</Param>
<Response id="1"><Content><Param>1</Param><Param>9</Param></Content></Response>
<!-- no trigger before response 1 (or each response) runs a crc action -->
```

## Use instead
```xml
<Trigger id="1"><On id="each">response</On><Time>before</Time><Type>action</Type>
  <Content><Id>1</Id></Content></Trigger>
<Action id="1"><On>response</On><Type>crc</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label, missing_crc_actions

CODE = "RSP007"
NAME = "response-crc-action-missing"
SEVERITY = "error"
SUMMARY = "A Response holds a crc parameter but no crc action runs before it"


def check(model):
    for response, param, own in missing_crc_actions(model, "response"):
        where = (f"its trigger {(own.element.get('id') or '').strip()} runs no crc action on response"
                 if own is not None else "no trigger before each response runs a crc action on response")
        yield Problem(response, f"{item_label(model, 'response', response)} holds crc parameter {param.id}, but "
                                f"{where}: the checksum of the answer is never verified")
