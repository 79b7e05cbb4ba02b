"""## What it does
Checks `Param/Type@virtual`: when present it must not be empty and must have no spaces
around its value.

The official severities are Warning; dmlint reports warnings.

## Why is this bad
An empty virtual attribute makes no parameter a virtual source or destination; the intent
of the protocol is then unclear.

## Example
```xml
<Type virtual="">read</Type>
```

## Use instead
```xml
<Type virtual="source">read</Type>
```

## Fix safety
Safe: an empty `virtual` is removed (it says nothing), spaces around the value are removed.
"""

from dmlint.core.fixes import Fix, remove_attribute, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.values import attribute_value

CODE = "PRM144"
NAME = "virtual-invalid"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Param/Type@virtual is empty or has spaces around its value"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = param.type_element
            value = attribute_value(tag, "virtual")
            if value.missing:
                continue
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Type@virtual", attribute="virtual", official="2.58.1",
                              fix=Fix.of(remove_attribute(model.document, tag, "virtual"), message="remove virtual"))
            elif value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Type@virtual '{value.raw}'",
                              attribute="virtual", official="2.58.2",
                              fix=Fix.of(trim_attribute(model.document, tag, "virtual"), message="trim virtual"))
