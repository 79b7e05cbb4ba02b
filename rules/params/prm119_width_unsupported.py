"""## What it does
Reports `Measurement/Type@width` on a parameter that is not a `button` or `pagebutton`.

The official severity is Warning; dmlint reports a warning.

## Why is this bad
Only buttons take their width from this attribute; elsewhere it is ignored and suggests a
layout that the client does not make (a table's column widths go in `Measurement/Type@options`).

## Example
```xml
<Measurement><Type width="200">string</Type></Measurement>
```

## Use instead
```xml
<Measurement><Type>string</Type></Measurement>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM119"
NAME = "width-unsupported"
SEVERITY = "warning"
SUMMARY = "Measurement/Type@width on a parameter that is not a button or pagebutton"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Type")
            if tag is None or tag.get("width") is None or text_of(tag) in ("button", "pagebutton"):
                continue
            yield Problem(tag, f"Param {pid} is a {text_of(tag) or '(no measurement type)'}: width only applies to "
                               f"buttons, remove it", attribute="width")
