"""## What it does
Reports a `Protocol/Name` that starts with `Production` (any case).

## Why is this bad
The word is reserved: DataMiner calls the version of a protocol that elements use
by default its *Production* version, and shows that word wherever protocols and
versions are listed. A protocol whose name starts with it is easily mistaken for
such a version.

## Example
```xml
<Name>Production Generic Router</Name>
```

## Use instead
```xml
<Name>Generic Router</Name>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.rules.protocol._tags import tag_state

CODE = "PROT003"
NAME = "protocol-name-prefix"
SEVERITY = "error"
SUMMARY = "Protocol/Name starts with the reserved prefix 'Production'"

RESERVED_PREFIXES = ("Production",)


def check(model):
    element = child(model.root, "Name")
    if element is None or tag_state(element) is not None:
        return  # PROT001 reports a missing, blank or untrimmed name
    name = element.text
    if any(char in name for char in '<>:"/\\|?*;°'):
        return  # PROT002 reports it first (one mistake at a time, as the official check)
    for prefix in RESERVED_PREFIXES:
        if name[:len(prefix)].lower() == prefix.lower():
            yield Problem(element, f"protocol name '{name}' starts with '{name[:len(prefix)]}', a word DataMiner "
                                   f"reserves for the production version of a protocol: remove it")
            return
