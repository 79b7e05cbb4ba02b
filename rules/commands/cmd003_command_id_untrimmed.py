"""## What it does
Reports a `Command@id` with spaces around it (an id that is fine once trimmed).

The official severity is Warning; dmlint reports a warning.

## Why is this bad
DataMiner trims the id, but not every tool that reads a protocol does: the
command is found in one place and not in another, and diffs become noisy.

## Example
```xml
<Command id=" 10 "><Name>GetStatus</Name>...</Command>
```

## Use instead
```xml
<Command id="10"><Name>GetStatus</Name>...</Command>
```

## Fix safety
Safe: the fix removes the spaces around the value and changes nothing else; DataMiner
reads the trimmed value the same way.
"""

from dmlint.rules._items import untrimmed_id_problems

CODE = "CMD003"
NAME = "command-id-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A Command id has spaces around it"


def check(model):
    yield from untrimmed_id_problems(model, "command", "10.5.3")
