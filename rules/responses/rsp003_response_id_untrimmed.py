"""## What it does
Reports a `Response@id` with spaces around it (an id that is fine once trimmed).

The official severity is Warning; dmlint reports a warning.

## Why is this bad
DataMiner trims the id, but not every tool that reads a protocol does: the
response is found in one place and not in another, and diffs become noisy.

## Example
```xml
<Response id="10 "><Name>Status</Name>...</Response>
```

## Use instead
```xml
<Response id="10"><Name>Status</Name>...</Response>
```

## Fix safety
Safe: the fix removes the spaces around the value and changes nothing else; DataMiner
reads the trimmed value the same way.
"""

from dmlint.rules._items import untrimmed_id_problems

CODE = "RSP003"
NAME = "response-id-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A Response id has spaces around it"


def check(model):
    yield from untrimmed_id_problems(model, "response", "11.4.3")
