"""## What it does
Reports responses that have the same name (trimmed, ignoring case). One finding
per shared name, on the second response that uses it; the others are related
locations. Responses without a name, and responses whose id cannot be read, are
left out.

## Why is this bad
The name is how a response shows up in the element's logging and in the
protocol's documentation. Two responses named alike usually mean one of them was
copied and not renamed.

## Example
```xml
<Response id="1"><Name>Status</Name>...</Response>
<Response id="2"><Name>status</Name>...</Response>
```

## Use instead
```xml
<Response id="1"><Name>Status</Name>...</Response>
<Response id="2"><Name>Config</Name>...</Response>
```
"""

from dmlint.rules._items import duplicate_name_problems

CODE = "RSP004"
NAME = "response-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several Responses have the same name"


def check(model):
    yield from duplicate_name_problems(model, "response")
