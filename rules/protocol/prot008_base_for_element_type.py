"""## What it does
Reports a `Protocol@baseFor` equal (in any case) to the protocol's own
`ElementType`.

## Why is this bad
`baseFor` makes the protocol a base protocol: DataMiner uses it for the elements
whose element type is the `baseFor` value (mediation layer). Those are *other*
protocols' elements; a base protocol that is its own target type links its elements
to themselves.

## Example
```xml
<Protocol baseFor="Optical Receiver">
  <ElementType>Optical Receiver</ElementType>
```

## Use instead
```xml
<Protocol baseFor="Optical Receiver">
  <ElementType>Optical Receiver Base</ElementType>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "PROT008"
NAME = "base-for-element-type"
SEVERITY = "error"
SUMMARY = "Protocol@baseFor names the protocol's own element type"


def check(model):
    base_for = (model.root.get("baseFor") or "").strip()
    element_type = child(model.root, "ElementType")
    own = (element_type.text or "").strip() if element_type is not None else ""
    if base_for and own and base_for.lower() == own.lower():
        yield Problem(model.root, f"Protocol@baseFor is '{base_for}', the protocol's own ElementType: a base protocol "
                                  f"serves elements of another type", attribute="baseFor")
