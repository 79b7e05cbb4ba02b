"""## What it does
Checks `Protocol/Compliancies/MinimumRequiredVersion`: every protocol declares the
oldest DataMiner version it runs on, as a DataMiner version (`10.2.0.0`, or
`10.1.3.0 - 9963` with the build number), without spaces around it.

## Why is this bad
DataMiner refuses to run a protocol on an older version than the one it declares,
and Skyline's tools use the version to decide where a protocol may be deployed.
Without it (or with a value that is not a version) nothing stops the protocol from
being installed where the features it uses do not exist.

## Example
```xml
<Compliancies>
  <MinimumRequiredVersion>10.2</MinimumRequiredVersion>
</Compliancies>
```

## Use instead
```xml
<Compliancies>
  <MinimumRequiredVersion>10.2.0.0 - 11517</MinimumRequiredVersion>
</Compliancies>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.compliancies import read_version

CODE = "PROT011"
NAME = "min-required-version-invalid"
SEVERITY = "warning"
SUMMARY = "Compliancies/MinimumRequiredVersion is missing, empty, not a DataMiner version or untrimmed"


def check(model):
    tag = model.minimum_required_version
    if tag is None:
        anchor = child(model.root, "Compliancies")
        yield Problem(anchor if anchor is not None else model.root,
                      "the protocol declares no Compliancies/MinimumRequiredVersion: add the oldest DataMiner version "
                      "it runs on", official="1.25.7")
        return
    raw = tag.text or ""
    if not raw.strip():
        yield Problem(tag, "MinimumRequiredVersion is empty: it should hold a DataMiner version such as "
                           "10.2.0.0 - 11517", official="1.25.8")
    elif read_version(raw) is None:
        yield Problem(tag, f"MinimumRequiredVersion '{raw.strip()}' is not a DataMiner version (such as 10.2.0.0 or "
                           f"10.2.0.0 - 11517)", official="1.25.10")
    elif raw != raw.strip():
        yield Problem(tag, f"MinimumRequiredVersion '{raw}' has spaces around its value: remove them",
                      official="1.25.5")
