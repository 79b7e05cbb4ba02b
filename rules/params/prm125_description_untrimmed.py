"""## What it does
Reports spaces before or after the `Description` of a parameter shown in the element
(RTDisplay true, for a column: its table's; or exported to a DVE).

The official severity is Major; dmlint reports an error.

## Why is this bad
The description is the label operators see and search for; the spaces misalign it and make
two descriptions that look the same differ.

## Example
```xml
<Description> Temperature </Description>
```

## Use instead
```xml
<Description>Temperature</Description>
```

## Fix safety
Safe: the fix removes the spaces around the text (not inside CDATA, and not when the Description
has child elements).
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM125"
NAME = "description-untrimmed"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "The Description of a shown parameter has spaces around it"


def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Description")
            if tag is None:
                continue
            value = element_value(tag)
            if value.empty or not value.untrimmed or not links.in_element(param.element):
                continue
            yield Problem(tag, f"Param {pid} has spaces around its Description '{value.raw}'",
                          fix=Fix.of(trim_text(model.document, tag), message="trim the description"))
