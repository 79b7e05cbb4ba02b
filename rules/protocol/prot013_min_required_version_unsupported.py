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

## Fix safety
Unsafe: the fix raises MinimumRequiredVersion to the oldest supported version (or the later one the
features of PROT012 need), so the protocol no longer installs on the older DataMiner versions it
declared.
"""

from dmlint.core.fixes import UNSAFE, Fix, replace_text
from dmlint.core.problem import Problem
from dmlint.model.compliancies import MINIMUM_SUPPORTED, read_version, version_needed

CODE = "PROT013"
NAME = "min-required-version-unsupported"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "Compliancies/MinimumRequiredVersion is older than the oldest supported DataMiner version"


def check(model):
    tag = model.minimum_required_version
    declared = read_version(tag.text if tag is not None else None)
    if declared is not None and declared < MINIMUM_SUPPORTED:
        yield Problem(tag, f"MinimumRequiredVersion {declared} is older than {MINIMUM_SUPPORTED}, the oldest DataMiner "
                           f"version Skyline supports: require at least that one",
                      fix=Fix.of(replace_text(model.document, tag, str(version_needed(model))), safety=UNSAFE,
                                 message=f"require DataMiner {version_needed(model)}"))
