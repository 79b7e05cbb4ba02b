"""## What it does
Reports a `Param/Display` without any child element.

The official severity is Warning; dmlint reports a warning.

## Why is this bad
An empty Display says nothing (the parameter is not shown); it is usually what remains after
a cleanup and can go.

## Example
```xml
<Param id="10"><Name>Internal</Name><Type>read</Type><Display/></Param>
```

## Use instead
```xml
<Param id="10"><Name>Internal</Name><Type>read</Type></Param>
```

## Fix safety
Safe: the fix removes the Display, which has no content (only whitespace or comments). A Display
with text but no elements gets no fix.
"""

from dmlint.core.fixes import Fix, remove_element
from dmlint.core.problem import Problem

CODE = "PRM152"
NAME = "display-empty"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Param/Display has no content"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            display = model.first(param.element, "Display")
            if display is not None and not model.kids(display):
                blank = not "".join(display.itertext()).strip()  # no text either (comments are not text)
                yield Problem(display, f"Param {pid} has an empty Display: remove it",
                              fix=Fix.of(remove_element(model.document, display), message="remove the empty Display")
                              if blank else None)
