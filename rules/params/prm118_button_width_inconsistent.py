"""## What it does
Reports a page on which the buttons and page buttons (`Measurement/Type@width`) do not all
have the same width. One finding per page, with every button of the page as a related
location. Buttons whose width is already reported by PRM117 are left out.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
Buttons of different widths on one page look unfinished and are harder to scan; one width
(the widest) keeps the column straight.

## Example
```xml
<Param id="1">...<Measurement><Type width="110">button</Type></Measurement></Param>  <!-- page General -->
<Param id="2">...<Measurement><Type width="140">button</Type></Measurement></Param>  <!-- page General -->
```

## Use instead
```xml
<Param id="1">...<Measurement><Type width="140">button</Type></Measurement></Param>
<Param id="2">...<Measurement><Type width="140">button</Type></Measurement></Param>
```

## Fix safety
Unsafe: the fix gives every button of the page the widest width found there, which makes the
narrower buttons wider (and may push what stands next to them).
"""

from dmlint.core.fixes import UNSAFE, Fix, replace_attribute_value
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.widgets import DEFAULT_BUTTON_WIDTH as DEFAULT_WIDTH
from dmlint.model.widgets import button_width

CODE = "PRM118"
NAME = "button-width-inconsistent"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "The buttons of one page have different widths"


def check(model):
    per_page: dict[str, list] = {}
    links = None
    for pid, group in model.params.items():
        for param in group:
            found = button_width(model, param.element)
            if found is None:
                continue
            tag, width = found
            if width.value is None or width.value < DEFAULT_WIDTH or width.untrimmed:
                continue
            positions = model.follow(param.element, "Display", "Positions")
            if positions is None:
                continue
            if links is None:
                links = model.links
            if not links.is_positioned(param.element):
                continue
            for position in model.all(positions, "Position"):
                page = model.first(position, "Page")
                if page is not None:
                    per_page.setdefault(text_of(page), []).append((pid, tag, width.value))
    for page, buttons in per_page.items():
        widths = list(dict.fromkeys(width for _, _, width in buttons))
        if len(widths) < 2:
            continue
        ids = ", ".join(dict.fromkeys(pid for pid, _, _ in buttons))
        yield Problem(buttons[0][1], f"the buttons on page '{page}' (Params {ids}) have different widths "
                                     f"({', '.join(map(str, widths))}): give them all {max(widths)}",
                      attribute="width",
                      related=tuple((tag, f"Param {pid} is {width} wide") for pid, tag, width in buttons[1:]),
                      fix=Fix.of(*(replace_attribute_value(model.document, tag, "width", str(max(widths)))
                                   for _, tag, width in buttons if width != max(widths)),
                                 safety=UNSAFE, message=f"give every button width=\"{max(widths)}\""))
