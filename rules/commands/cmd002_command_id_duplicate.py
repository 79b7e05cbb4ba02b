"""## What it does
Reports commands that share an id (compared as numbers, so `7` and ` 7` are the
same id). One finding per shared id, on the second command that uses it; the
other commands with that id are listed as related locations.

## Why is this bad
Pairs name their command by id. With two commands under one id, DataMiner sends
one of them and the other is dead code, or the device receives the wrong command.

## Example
```xml
<Command id="10"><Name>GetStatus</Name>...</Command>
<Command id="10"><Name>SetPower</Name>...</Command>
```

## Use instead
```xml
<Command id="10"><Name>GetStatus</Name>...</Command>
<Command id="11"><Name>SetPower</Name>...</Command>
```
"""

from dmlint.rules._items import duplicate_id_problems

CODE = "CMD002"
NAME = "command-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several Commands have the same id"


def check(model):
    yield from duplicate_id_problems(model, "command")
