"""## What it does
Reports pairs that have the same name (trimmed, ignoring case). One finding per
shared name, on the second pair that uses it; the others are related locations.
Pairs without a name, and pairs whose id cannot be read, are left out.

## Why is this bad
The name is how a pair shows up in the element's logging and in the protocol's
documentation. Two pairs named alike make a log hard to read and usually mean one
of them was copied and not renamed.

## Example
```xml
<Pair id="1"><Name>Get Status</Name>...</Pair>
<Pair id="2"><Name>get status</Name>...</Pair>
```

## Use instead
```xml
<Pair id="1"><Name>Get Status</Name>...</Pair>
<Pair id="2"><Name>Get Config</Name>...</Pair>
```
"""

from dmlint.rules._items import duplicate_name_problems

CODE = "PAIR004"
NAME = "pair-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several Pairs have the same name"


def check(model):
    yield from duplicate_name_problems(model, "pair")
