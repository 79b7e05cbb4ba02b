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

## Fix safety
Unsafe: a missing link becomes `link="labels.xml"` (the name the official validator's fix
writes); a file of that name with the matrix's labels must then exist next to the protocol, or
write the name of the one you have. A link that is not an XML file gets no fix.
"""

from dmlint.core.fixes import UNSAFE, Fix, set_attribute
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM158"
NAME = "matrix-link"
SEVERITY = "error"
FIX = "unsafe"
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
                              official="2.42.2",
                              fix=Fix.of(set_attribute(model.document, tag, "link", "labels.xml"), safety=UNSAFE,
                                         message="write link=\"labels.xml\""))
            elif not link.strip().endswith(".xml"):
                yield Problem(tag, f"matrix Param {pid} has link '{link.strip()}': it must name an .xml file",
                              attribute="link", official="2.42.1")
