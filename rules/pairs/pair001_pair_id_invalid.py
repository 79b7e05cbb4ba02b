"""## What it does
Checks the `id` of every `Protocol/Pairs/Pair`: it must be present, not blank, and a
plain unsigned number (digits only: no sign, no leading zero, no decimals).

## Why is this bad
Groups poll pairs by id (`<Group><Content><Pair>5</Pair></Content></Group>`) and
triggers fire on them (`<On id="5">pair</On>`). A pair whose id cannot be read is
never executed, and the other checks of its pair (content, name, conditions) are
skipped until its id is fixed.

## Example
```xml
<Pairs>
  <Pair><Name>Get status</Name>...</Pair>
  <Pair id="03"><Name>Get config</Name>...</Pair>
</Pairs>
```

## Use instead
```xml
<Pairs>
  <Pair id="1"><Name>Get status</Name>...</Pair>
  <Pair id="3"><Name>Get config</Name>...</Pair>
</Pairs>
```
"""

from dmlint.rules._items import id_problems

CODE = "PAIR001"
NAME = "pair-id-invalid"
SEVERITY = "error"
SUMMARY = "A Pair has no id, an empty id or an id that is not a plain number"


def check(model):
    yield from id_problems(model, "pair", "9.3.1", "9.3.2", "9.3.4")
