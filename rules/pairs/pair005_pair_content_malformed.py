"""## What it does
Checks what a pair's `Content` names: it must have a `Command`, and its
`Command`, `Response` and `ResponseOnBadCommand` must each hold a plain unsigned
number (digits only: no sign, no leading zero, no decimals). A value that names
no command or response is PAIR006's; spaces around a value are PAIR003's.

Only pairs whose id can be read are checked (PAIR001 reports the others).

## Why is this bad
DataMiner sends the pair's command and matches what comes back against its
responses by id. A pair without a command sends nothing; a blank or non-numeric
command or response id makes the pair unusable.

## Example
```xml
<Pair id="1"><Content><Response>1</Response></Content></Pair>
<Pair id="2"><Content><Command>GetStatus</Command><Response>02</Response></Content></Pair>
```

## Use instead
```xml
<Pair id="1"><Content><Command>1</Command><Response>1</Response></Content></Pair>
<Pair id="2"><Content><Command>2</Command><Response>2</Response></Content></Pair>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import child
from dmlint.rules._items import item_label, verdicts_of_valid_items

CODE = "PAIR005"
NAME = "pair-content-malformed"
SEVERITY = "error"
SUMMARY = "A Pair's content has no Command, or a Command or Response that is not a plain id"


def check(model):
    for pair, _ in model.section("pair").valid:
        content = child(pair, "Content")
        if content is not None and child(content, "Command") is None:
            yield Problem(content, f"{item_label(model, 'pair', pair)} has a Content without a Command: name the "
                                   f"command the pair sends", official="9.4.1")
    for verdict in verdicts_of_valid_items(model, CODE, "pair", 2):
        yield verdict.problem
