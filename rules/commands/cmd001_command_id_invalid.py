"""## What it does
Checks the `id` of every `Protocol/Commands/Command`: it must be present, not
blank, and a plain unsigned number (digits only: no sign, no leading zero, no
decimals).

## Why is this bad
A pair names the command it sends by id (`<Pair><Content><Command>5</Command>`).
A command whose id cannot be read is never sent, and the other checks of its
command (content, ascii, name) are skipped until its id is fixed.

## Example
```xml
<Command><Name>GetStatus</Name>...</Command>
<Command id="1.5"><Name>GetConfig</Name>...</Command>
```

## Use instead
```xml
<Command id="1"><Name>GetStatus</Name>...</Command>
<Command id="2"><Name>GetConfig</Name>...</Command>
```
"""

from dmlint.rules._items import id_problems

CODE = "CMD001"
NAME = "command-id-invalid"
SEVERITY = "error"
SUMMARY = "A Command has no id, an empty id or an id that is not a plain number"


def check(model):
    yield from id_problems(model, "command", "10.5.1", "10.5.2", "10.5.4")
