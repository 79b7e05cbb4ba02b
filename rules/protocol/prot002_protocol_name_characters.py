"""## What it does
Reports a `Protocol/Name` that contains a character DataMiner does not accept in a
protocol name: `< > : " / \\ | ? * ;` or the degree sign `°`.

## Why is this bad
DataMiner stores every protocol in a folder named after it and uses the name in
file names and in references between protocols (DVE children, exported protocols).
Characters that are not allowed in Windows file names, or that separate values in
DataMiner's own lists, break the upload or those references.

## Example
```xml
<Name>Generic Router/Switch</Name>
```

## Use instead
```xml
<Name>Generic Router Switch</Name>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.rules.protocol._tags import tag_state

CODE = "PROT002"
NAME = "protocol-name-characters"
SEVERITY = "error"
SUMMARY = "Protocol/Name contains a character that is not allowed in protocol names"

RESTRICTED = '<>:"/\\|?*;°'


def check(model):
    element = child(model.root, "Name")
    if element is None or tag_state(element) is not None:
        return  # PROT001 reports a missing, blank or untrimmed name
    name = element.text
    found = list(dict.fromkeys(char for char in name if char in RESTRICTED))
    if found:
        shown = " ".join(found)
        yield Problem(element, f"protocol name '{name}' contains {shown}: these characters are not allowed in "
                               f"a protocol name")
