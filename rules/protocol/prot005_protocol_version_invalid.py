"""## What it does
Checks `Protocol/Version`: it must be there, hold the version and have no spaces
around it.

## Why is this bad
DataMiner keeps every uploaded version of a protocol side by side and elements run
on a chosen version: the version is the key of the upload. A protocol without one
cannot be uploaded; with spaces around it, the version DataMiner stores is not the
one the protocol's version history and deployment scripts name.

## Example
```xml
<Version> 1.0.0.3</Version>
```

## Use instead
```xml
<Version>1.0.0.3</Version>
```
"""

from dmlint.rules.protocol._tags import EMPTY, MISSING, UNTRIMMED, tag_problem

CODE = "PROT005"
NAME = "protocol-version-invalid"
SEVERITY = "error"
SUMMARY = "Protocol/Version is missing, empty or has spaces around it"


def check(model):
    problem = tag_problem(model, "Version", {MISSING: "1.6.1", EMPTY: "1.6.2", UNTRIMMED: "1.6.3"},
                          "the protocol version (e.g. 1.0.0.1)")
    if problem is not None:
        yield problem
