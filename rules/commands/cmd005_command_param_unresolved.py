"""## What it does
Reports a `Command/Content/Param` that names a parameter that does not exist
(also when the protocol has no `<Params>` at all). The official check looks the id
up exactly as written, so ` 5`, `05` and `+5` name nothing either: write the id
plainly.

Only commands whose id can be read are checked (CMD001 reports the others).

## Why is this bad
DataMiner builds the command from the parameters of its content. A reference to a
missing parameter leaves a hole in what is sent: the device receives a truncated
or malformed command.

## Example
```xml
<Command id="1"><Content><Param>10</Param><Param>99</Param></Content></Command>
<!-- Params holds 10 only -->
```

## Use instead
```xml
<Command id="1"><Content><Param>10</Param><Param>11</Param></Content></Command>
```
"""

from dmlint.rules._items import verdicts_of_valid_items

CODE = "CMD005"
NAME = "command-param-unresolved"
SEVERITY = "error"
SUMMARY = "A Command's content names a parameter that does not exist"


def check(model):
    for verdict in verdicts_of_valid_items(model, CODE, "command", 2):
        yield verdict.problem
