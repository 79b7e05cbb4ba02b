"""## What it does
Reports a pair whose `Content` names a command (`Command`) or a response
(`Response`, `ResponseOnBadCommand`) that does not exist in `Protocol/Commands`
or `Protocol/Responses`.

Only pairs whose id can be read are checked (PAIR001 reports the others).

## Why is this bad
The pair sends nothing, or never recognises what the device answers: the
parameters of that response are never filled in and the pair times out.

## Example
```xml
<Pair id="1"><Content><Command>1</Command><Response>5</Response></Content></Pair>
<!-- Responses holds 1 and 2 only -->
```

## Use instead
```xml
<Pair id="1"><Content><Command>1</Command><Response>1</Response></Content></Pair>
```
"""

from dmlint.rules._items import verdicts_of_valid_items

CODE = "PAIR006"
NAME = "pair-content-unresolved"
SEVERITY = "error"
SUMMARY = "A Pair's content names a command or response that does not exist"


def check(model):
    for verdict in verdicts_of_valid_items(model, CODE, "pair", 2):
        yield verdict.problem
