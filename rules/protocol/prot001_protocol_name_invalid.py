"""## What it does
Checks `Protocol/Name`: it must be there, hold a name and have no spaces around it.

## Why is this bad
The protocol name is how DataMiner identifies the protocol: elements, DVE children,
exported protocols and the protocol's folder on disk are found by it. Without a
name the protocol cannot be uploaded; with spaces around it the name that is stored
differs from the one other protocols and scripts refer to.

## Example
```xml
<Protocol>
  <Name> Generic Router </Name>
  ...
</Protocol>
```

## Use instead
```xml
<Protocol>
  <Name>Generic Router</Name>
  ...
</Protocol>
```
"""

from dmlint.rules.protocol._tags import EMPTY, MISSING, UNTRIMMED, tag_problem

CODE = "PROT001"
NAME = "protocol-name-invalid"
SEVERITY = "error"
SUMMARY = "Protocol/Name is missing, empty or has spaces around it"


def check(model):
    problem = tag_problem(model, "Name", {MISSING: "1.2.1", EMPTY: "1.2.2", UNTRIMMED: "1.2.3"}, "the protocol name")
    if problem is not None:
        yield problem
