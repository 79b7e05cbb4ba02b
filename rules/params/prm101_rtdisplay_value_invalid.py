"""## What it does
Checks the text of `Param/Display/RTDisplay` on every parameter with a valid id: it must not
be empty, must be `true` or `false`, and must have no spaces around it.

## Why is this bad
DataMiner only shows a parameter in the element card when RTDisplay reads as `true`; an
empty or misspelt value silently hides it (or, for a value meant as `false`, makes the intent
unclear). Spaces around the value are tolerated by DataMiner but not by every tool.

The official severities are Minor; dmlint reports warnings.

## Example
```xml
<Param id="10"><Display><RTDisplay>yes</RTDisplay></Display>...</Param>
<Param id="11"><Display><RTDisplay> true </RTDisplay></Display>...</Param>
```

## Use instead
```xml
<Param id="10"><Display><RTDisplay>true</RTDisplay></Display>...</Param>
<Param id="11"><Display><RTDisplay>true</RTDisplay></Display>...</Param>
```

## Fix safety
Safe: the fix removes the spaces around `true` or `false`. The other mistakes get no fix.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import BOOL, element_value

CODE = "PRM101"
NAME = "rtdisplay-value-invalid"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Display/RTDisplay is empty, not true or false, or has spaces around its value"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Display", "RTDisplay")
            if tag is None:
                continue
            value = element_value(tag, BOOL)
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Display/RTDisplay: write true or false",
                              official="2.7.1")
            elif value.invalid:
                yield Problem(tag, f"Param {pid} has Display/RTDisplay '{value.text}', which is neither true nor false",
                              official="2.7.3")
            elif value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Display/RTDisplay value '{value.raw}'",
                              official="2.7.2", fix=Fix.of(trim_text(model.document, tag), message="trim RTDisplay"))
