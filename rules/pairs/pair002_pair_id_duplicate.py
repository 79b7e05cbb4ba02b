"""## What it does
Reports pairs that share an id. Ids are compared as numbers, so `7` and ` 7` are
the same id. One finding per shared id, on the second pair that uses it; the
other pairs with that id are listed as related locations.

## Why is this bad
Groups and triggers name a pair by id. With two pairs under one id, DataMiner
executes one of them and the other is dead code, or the wrong command is sent.

## Example
```xml
<Pair id="10"><Name>Get status</Name>...</Pair>
<Pair id="10"><Name>Set config</Name>...</Pair>
```

## Use instead
```xml
<Pair id="10"><Name>Get status</Name>...</Pair>
<Pair id="11"><Name>Set config</Name>...</Pair>
```
"""

from dmlint.rules._items import duplicate_id_problems

CODE = "PAIR002"
NAME = "pair-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several Pairs have the same id"


def check(model):
    yield from duplicate_id_problems(model, "pair")
