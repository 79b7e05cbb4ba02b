"""## What it does
Reports a `Command/Content/Param` that is empty or does not hold a parameter id
(a number). A number that names no parameter is CMD005's.

Only commands whose id can be read are checked (CMD001 reports the others).

## Why is this bad
The content of a command is a list of parameter ids; anything else is skipped
and the command DataMiner sends is not the one intended.

## Example
```xml
<Command id="1"><Content><Param></Param><Param>Header</Param></Content></Command>
```

## Use instead
```xml
<Command id="1"><Content><Param>10</Param><Param>11</Param></Content></Command>
```
"""

from dmlint.rules._items import verdicts_of_valid_items

CODE = "CMD006"
NAME = "command-param-malformed"
SEVERITY = "error"
SUMMARY = "A Command's content has an empty Param or one that is not a parameter id"


def check(model):
    for verdict in verdicts_of_valid_items(model, CODE, "command", 2):
        yield verdict.problem
