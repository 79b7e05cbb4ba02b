"""## What it does
Reports `Interprete/Exceptions` on a write or write bit parameter.

## Why is this bad
Exceptions say how to show special values the device sends. A write parameter receives
nothing from the device, so its exceptions are never used; they usually belong on the
read parameter.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Param id="101"><Name>Gain</Name><Type>write</Type>
  <Interprete><Exceptions><Exception id="1" value="-1">...</Exception></Exceptions></Interprete>
</Param>
```

## Use instead
```xml
<Param id="100"><Name>Gain</Name><Type>read</Type>
  <Interprete><Exceptions><Exception id="1" value="-1">...</Exception></Exceptions></Interprete>
</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM231"
NAME = "exception-on-write"
SEVERITY = "warning"
SUMMARY = "A write parameter has Interprete/Exceptions"


def check(model):
    for group in model.params.values():
        for param in group:
            exceptions = model.follow(param.element, "Interprete", "Exceptions")
            if exceptions is None:
                continue
            kind = (param.type_element.text or "").strip() if param.type_element is not None else ""
            if kind in ("write", "write bit"):
                yield Problem(exceptions, f"Param {param.id} ({param.name}) is of type '{kind}'; exceptions only apply "
                                          f"to values read from the device", official="2.36.4")
