"""## What it does
Checks `Measurement/Type@width` of every `button` and `pagebutton`: it must be there, be a
number, be at least 110 (the default width of a button) and have no spaces around it.

The official severities are Minor; dmlint reports warnings.

## Why is this bad
Without a width the button is sized to its caption, so the buttons of a page have ragged
edges; narrower than 110 pixels, most captions are cut off.

## Example
```xml
<Measurement><Type>button</Type>...</Measurement>
<Measurement><Type width="50">pagebutton</Type>...</Measurement>
```

## Use instead
```xml
<Measurement><Type width="110">button</Type>...</Measurement>
<Measurement><Type width="110">pagebutton</Type>...</Measurement>
```

## Fix safety
Spaces around the width are removed (safe). A missing, empty, non-numeric or too small width
becomes 110, the default width of a button (unsafe: the button is drawn wider, and a wider
width may have been meant).
"""

from dmlint.core.fixes import UNSAFE, Fix, set_attribute, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.widgets import DEFAULT_BUTTON_WIDTH as DEFAULT_WIDTH
from dmlint.model.widgets import button_width

CODE = "PRM117"
NAME = "button-width"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "A button's Measurement/Type@width is missing, not a number, below 110 or untrimmed"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            found = button_width(model, param.element)
            if found is None:
                continue
            tag, width = found
            kind = text_of(tag)
            if width.missing:
                yield Problem(tag, f"{kind} Param {pid} has no width: add width=\"{DEFAULT_WIDTH}\"", official="2.10.1",
                              fix=_default(model, tag))
            elif width.empty:
                yield Problem(tag, f"{kind} Param {pid} has an empty width", attribute="width", official="2.10.2",
                              fix=_default(model, tag))
            elif width.invalid:
                yield Problem(tag, f"{kind} Param {pid} has width '{width.text}', which is not a number",
                              attribute="width", official="2.10.4", fix=_default(model, tag))
            elif width.value < DEFAULT_WIDTH:
                yield Problem(tag, f"{kind} Param {pid} is {width.value} pixels wide: use at least {DEFAULT_WIDTH}",
                              attribute="width", official="2.10.7", fix=_default(model, tag))
            elif width.untrimmed:
                yield Problem(tag, f"{kind} Param {pid} has spaces around its width '{width.raw}'", attribute="width",
                              official="2.10.3",
                              fix=Fix.of(trim_attribute(model.document, tag, "width"), message="trim the width"))


def _default(model, tag):
    return Fix.of(set_attribute(model.document, tag, "width", str(DEFAULT_WIDTH)), safety=UNSAFE,
                  message=f"write width=\"{DEFAULT_WIDTH}\"")
