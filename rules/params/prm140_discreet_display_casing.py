"""## What it does
Checks that the `Display` text of every discreet is written in title case (as descriptions
are, see PRM127), except on context menus. One finding for the protocol, every text to
correct as a related location with its expected spelling.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
Drop-down entries and button captions are labels like descriptions; mixed casing looks
unfinished next to the rest of the element.

## Example
```xml
<Discreet><Display>not available</Display><Value>-1</Value></Discreet>
```

## Use instead
```xml
<Discreet><Display>Not Available</Display><Value>-1</Value></Discreet>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.rtdisplay import is_context_menu
from dmlint.model.titlecase import title_case
from dmlint.model.values import element_value
from dmlint.model.widgets import is_pagebutton, pagebutton_caption

CODE = "PRM140"
NAME = "discreet-display-casing"
SEVERITY = "warning"
SUMMARY = "A Discreet's Display text is not in title case"


def check(model):
    units = model.description_units
    wrong = []
    for pid, group in model.params.items():
        for param in group:
            discreets = model.discreets(param.element)
            if not discreets or is_context_menu(model, param.element):
                continue
            pagebutton = is_pagebutton(model, param.element)
            for discreet in discreets:
                tag = model.first(discreet, "Display")
                value = element_value(tag)
                if tag is None or value.empty or (pagebutton and pagebutton_caption(value.text) != value.text):
                    continue
                expected = title_case(value.text, units)
                if expected != value.text:
                    wrong.append((tag, f"Param {pid}: '{value.text}' should be '{expected}'"))
    if wrong:
        yield Problem(wrong[0][0], f"{len(wrong)} discreet text(s) are not in title case, e.g. {wrong[0][1]}",
                      related=tuple(wrong))
