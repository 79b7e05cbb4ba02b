"""## What it does
Checks `Measurement/Type@link` of a matrix (not its write parameter): it must be there and
name an XML file (the labels file, e.g. `labels.xml`).

## Why is this bad
The matrix client reads its labels and layout from that file; without it the matrix editor
cannot open.

## Example
```xml
<Measurement><Type options="matrix=...">matrix</Type></Measurement>
```

## Use instead
```xml
<Measurement><Type link="labels.xml" options="matrix=...">matrix</Type></Measurement>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM158"
NAME = "matrix-link"
SEVERITY = "error"
SUMMARY = "A matrix's Measurement/Type@link is missing or not an XML file"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Type")
            if text_of(tag) != "matrix" or text_of(param.type_element) == "write":
                continue
            link = tag.get("link")
            if link is None:
                yield Problem(tag, f"matrix Param {pid} has no Measurement/Type@link (its labels file)",
                              official="2.42.2")
            elif not link.strip().endswith(".xml"):
                yield Problem(tag, f"matrix Param {pid} has link '{link.strip()}': it must name an .xml file",
                              attribute="link", official="2.42.1")
