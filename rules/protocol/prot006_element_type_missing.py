"""## What it does
Checks `Protocol/ElementType`: it must be there and say what kind of device the
protocol is for.

## Why is this bad
DataMiner shows the element type in the Surveyor and uses it to group, filter and
report on elements (and a protocol with `baseFor` is matched to its children by
it). An element of a protocol without one is of no recognisable type.

## Example
```xml
<ElementType></ElementType>
```

## Use instead
```xml
<ElementType>Router</ElementType>
```
"""

from dmlint.rules.protocol._tags import EMPTY, MISSING, tag_problem

CODE = "PROT006"
NAME = "element-type-missing"
SEVERITY = "error"
SUMMARY = "Protocol/ElementType is missing or empty"


def check(model):
    problem = tag_problem(model, "ElementType", {MISSING: "1.7.1", EMPTY: "1.7.2"}, "the kind of device "
                                                                                    "(e.g. Router)")
    if problem is not None:
        yield problem
