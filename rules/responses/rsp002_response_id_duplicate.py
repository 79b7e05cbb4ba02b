"""## What it does
Reports responses that share an id (compared as numbers, so `7` and ` 7` are the
same id). One finding per shared id, on the second response that uses it; the
other responses with that id are listed as related locations.

## Why is this bad
Pairs and triggers name a response by id. With two responses under one id,
DataMiner parses the device's answer with one of them and the other is dead code.

## Example
```xml
<Response id="10"><Name>Status</Name>...</Response>
<Response id="10"><Name>Config</Name>...</Response>
```

## Use instead
```xml
<Response id="10"><Name>Status</Name>...</Response>
<Response id="11"><Name>Config</Name>...</Response>
```
"""

from dmlint.rules._items import duplicate_id_problems

CODE = "RSP002"
NAME = "response-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several Responses have the same id"


def check(model):
    yield from duplicate_id_problems(model, "response")
