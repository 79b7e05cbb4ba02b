"""## What it does
Reports a `Compliancies/MinimumRequiredVersion` older than the oldest DataMiner
version Skyline still supports (10.1.0.0 - 9966, the official validator's default).

## Why is this bad
Declaring a version nobody supports promises compatibility that is not tested any
more: the protocol may be installed on a DataMiner where it was never validated.
Require at least the oldest supported version.

## Example
```xml
<MinimumRequiredVersion>9.6.0.0</MinimumRequiredVersion>
```

## Use instead
```xml
<MinimumRequiredVersion>10.1.0.0 - 9966</MinimumRequiredVersion>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.compliancies import MINIMUM_SUPPORTED, read_version

CODE = "PROT013"
NAME = "min-required-version-unsupported"
SEVERITY = "warning"
SUMMARY = "Compliancies/MinimumRequiredVersion is older than the oldest supported DataMiner version"


def check(model):
    tag = model.minimum_required_version
    declared = read_version(tag.text if tag is not None else None)
    if declared is not None and declared < MINIMUM_SUPPORTED:
        yield Problem(tag, f"MinimumRequiredVersion {declared} is older than {MINIMUM_SUPPORTED}, the oldest DataMiner "
                           f"version Skyline supports: require at least that one")
