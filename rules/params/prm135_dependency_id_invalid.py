"""## What it does
Checks `Measurement/Discreets@dependencyId`, the parameter whose value fills a drop-down:
it must not be empty, must be a parameter id written plainly (digits only, no sign or
leading zero), the parameter must exist and be a `read` or `read bit` parameter, and the
attribute must have no spaces around it.

## Why is this bad
The client fills the drop-down from that parameter's value; when it does not exist or is
not a read parameter, the drop-down stays empty.

## Example
```xml
<Measurement><Type>discreet</Type><Discreets dependencyId="1o0">...</Discreets></Measurement>
```

## Use instead
```xml
<Measurement><Type>discreet</Type><Discreets dependencyId="100">...</Discreets></Measurement>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.values import attribute_value, uint_plain

CODE = "PRM135"
NAME = "dependency-id-invalid"
SEVERITY = "error"
SUMMARY = "Discreets@dependencyId is empty, not a plain id, names no parameter or one that is not read"


def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Discreets")
            value = attribute_value(tag, "dependencyId")
            if value.missing:
                continue
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Discreets@dependencyId", attribute="dependencyId",
                              official="2.54.1")
                continue
            number = uint_plain(value.raw)
            if number is None:
                yield Problem(tag, f"Param {pid} has Discreets@dependencyId '{value.text}', which is not a "
                                   f"parameter id",
                              attribute="dependencyId", official="2.54.3")
                continue
            referenced = links.param(str(number))
            if referenced is None:
                yield Problem(tag, f"Param {pid} fills its drop-down from Param {number}, which does not exist",
                              attribute="dependencyId", official="2.54.4")
            elif not links.is_read(referenced):
                kind = text_of(model.first(referenced, "Type")) or "(no type)"
                yield Problem(tag, f"Param {pid} fills its drop-down from Param {number}, a '{kind}' parameter: it "
                                   f"must be read or read bit", attribute="dependencyId", official="2.54.5")
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Discreets@dependencyId '{value.raw}'",
                              attribute="dependencyId", official="2.54.2")
