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

## Fix safety
Untrimmed: safe, the fix removes the spaces. Empty or missing: unsafe, the fix writes the oldest
version the protocol XML allows: the oldest version Skyline supports (10.1.0.0 - 9966), or the
version the features of PROT012 need when later (features used in QAction code are not known). A
missing tag is added at the end of Compliancies, or in a new Compliancies after SNMP, Display,
Type, Version or Name. No fix is offered for a value that is no version.
"""

from dmlint.core.fixes import UNSAFE, Fix, insert_element, qualified, replace_text, trim_text
from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.compliancies import read_version, version_needed
from dmlint.rules.protocol._tags import first_present

CODE = "PROT011"
NAME = "min-required-version-invalid"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "Compliancies/MinimumRequiredVersion is missing, empty, not a DataMiner version or untrimmed"


def check(model):
    tag = model.minimum_required_version
    if tag is None:
        anchor = child(model.root, "Compliancies")
        yield Problem(anchor if anchor is not None else model.root,
                      "the protocol declares no Compliancies/MinimumRequiredVersion: add the oldest DataMiner version "
                      "it runs on", official="1.25.7", fix=_added(model, anchor))
        return
    raw = tag.text or ""
    if not raw.strip():
        yield Problem(tag, "MinimumRequiredVersion is empty: it should hold a DataMiner version such as "
                           "10.2.0.0 - 11517", official="1.25.8",
                      fix=Fix.of(replace_text(model.document, tag, str(version_needed(model))), safety=UNSAFE,
                                 message=f"require DataMiner {version_needed(model)}"))
    elif read_version(raw) is None:
        yield Problem(tag, f"MinimumRequiredVersion '{raw.strip()}' is not a DataMiner version (such as 10.2.0.0 or "
                           f"10.2.0.0 - 11517)", official="1.25.10")
    elif raw != raw.strip():
        yield Problem(tag, f"MinimumRequiredVersion '{raw}' has spaces around its value: remove them",
                      official="1.25.5", fix=Fix.of(trim_text(model.document, tag), message="trim the version"))


def _added(model, compliancies):
    """Add MinimumRequiredVersion (and Compliancies when there is none) with the version needed."""
    root, version = model.root, version_needed(model)
    if compliancies is not None:
        tag = qualified(compliancies, "MinimumRequiredVersion")
        last = None
        for kid in compliancies:
            if isinstance(kid.tag, str):
                last = kid
        edit = insert_element(model.document, compliancies, f"<{tag}>{version}</{tag}>", after=last)
    else:
        outer, tag = qualified(root, "Compliancies"), qualified(root, "MinimumRequiredVersion")
        after = first_present(root, ("SNMP", "Display", "Type", "Version", "Name"))
        edit = insert_element(model.document, root, f"<{outer}><{tag}>{version}</{tag}></{outer}>", after=after)
    return Fix.of(edit, safety=UNSAFE, message=f"require DataMiner {version}")
