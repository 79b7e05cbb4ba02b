"""## What it does
Reports commands that have the same name (trimmed, ignoring case). One finding
per shared name, on the second command that uses it; the others are related
locations. Commands without a name, and commands whose id cannot be read, are
left out.

## Why is this bad
The name is how a command shows up in the element's logging and in the
protocol's documentation. Two commands named alike usually mean one of them was
copied and not renamed.

## Example
```xml
<Command id="1"><Name>GetStatus</Name>...</Command>
<Command id="2"><Name>GetStatus</Name>...</Command>
```

## Use instead
```xml
<Command id="1"><Name>GetStatus</Name>...</Command>
<Command id="2"><Name>GetConfig</Name>...</Command>
```
"""

from dmlint.rules._items import duplicate_name_problems

CODE = "CMD004"
NAME = "command-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several Commands have the same name"


def check(model):
    yield from duplicate_name_problems(model, "command")
