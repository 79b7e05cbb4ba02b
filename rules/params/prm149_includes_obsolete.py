"""## What it does
Reports `Param/Information/Includes`, which DataMiner no longer uses.

The official severity is Warning; dmlint reports a warning.

## Why is this bad
The tag has no effect; it only makes the protocol longer and suggests a behaviour that is
gone.

## Example
```xml
<Information><Subtext>...</Subtext><Includes><Include>time</Include></Includes></Information>
```

## Use instead
```xml
<Information><Subtext>...</Subtext></Information>
```

## Fix safety
Safe: the fix removes the Includes (with its content); DataMiner does not read it.
"""

from dmlint.core.fixes import Fix, remove_element
from dmlint.core.problem import Problem

CODE = "PRM149"
NAME = "includes-obsolete"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Information/Includes is obsolete"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Information", "Includes")
            if tag is not None:
                yield Problem(tag, f"Param {pid} has Information/Includes, which DataMiner no longer uses: remove it",
                              fix=Fix.of(remove_element(model.document, tag), message="remove Includes"))
