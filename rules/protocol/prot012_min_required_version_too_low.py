"""## What it does
Reports a protocol that uses features of a DataMiner version later than its
`Compliancies/MinimumRequiredVersion` (or, without one, later than the oldest version
Skyline supports), and says which version it needs. The features dmlint knows from
the protocol XML:

| feature | where | first version |
|---|---|---|
| Chain Grouping Name | `Chains/Chain@groupingName` | 10.1.3.0 - 9963 |
| Chain Default Selection Field | `Chains/Chain@defaultSelectionField` | 10.1.3.0 - 9963 |
| Flush Per Datagram | `PortSettings/FlushPerDatagram` | 10.1.4.0 - 10077 |
| Export Rules - whereAttribute | `ExportRules/ExportRule@whereAttribute` | 10.3.8.0 - 13183 |

Features used from QAction code are not detected (that needs C# analysis). One
finding per protocol; each feature and each element using it is listed with it.

## Why is this bad
On an older DataMiner the feature does not exist: the element runs, but the chain
grouping, the datagram handling or the export rule silently does nothing.

## Example
```xml
<Compliancies><MinimumRequiredVersion>10.1.0.0 - 9966</MinimumRequiredVersion></Compliancies>
<Chains><Chain name="Services" groupingName="Network"/></Chains>
```

## Use instead
```xml
<Compliancies><MinimumRequiredVersion>10.1.3.0 - 9963</MinimumRequiredVersion></Compliancies>
<Chains><Chain name="Services" groupingName="Network"/></Chains>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.model.compliancies import MINIMUM_SUPPORTED, read_version

CODE = "PROT012"
NAME = "min-required-version-too-low"
SEVERITY = "error"
SUMMARY = "The protocol uses features of a later DataMiner version than its MinimumRequiredVersion"


def _label(element) -> str:
    name = element.get("name")
    tag = element.tag.rpartition("}")[2]
    return f"{tag} '{name}'" if name is not None else tag


def check(model):
    tag = model.minimum_required_version
    declared = read_version(tag.text if tag is not None else None)
    minimum = declared or MINIMUM_SUPPORTED
    needed = minimum
    related = []
    titles = []
    for feature, elements in model.version_features:
        if feature.main_release <= minimum or feature.feature_release <= minimum:
            continue
        needed = max(needed, feature.version)
        titles.append(f"{feature.title} ({feature.version})")
        related.extend((element, f"{_label(element)} uses {feature.title}, which needs DataMiner {feature.version}")
                       for element in elements)
    if not titles:
        return
    anchor = tag if tag is not None else child(model.root, "Compliancies")
    written = f"'{tag.text.strip()}'" if declared is not None else \
        f"not declared (so {MINIMUM_SUPPORTED}, the oldest supported version)"
    yield Problem(anchor if anchor is not None else model.root,
                  f"the minimum required DataMiner version is {written}, but the protocol uses "
                  f"{', '.join(titles)}: require at least {needed}", related=tuple(related), official="1.25.1")
