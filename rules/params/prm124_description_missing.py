"""## What it does
Checks that every parameter shown in the element (RTDisplay true, for a column: its table's;
or exported to a DVE) has a `Description`, and that it is not empty. Buttons, page buttons
and the closing parameter of a title (`Measurement/Type@options` `end`) may go without.

## Why is this bad
The description is what operators see: the label in the element card, the column header,
the alarm and trend names. Without it the client shows nothing (or the internal name).

## Example
```xml
<Param id="10"><Name>Temperature</Name><Type>read</Type>
  <Display><RTDisplay>true</RTDisplay>...</Display>...</Param>
```

## Use instead
```xml
<Param id="10"><Name>Temperature</Name><Description>Temperature</Description><Type>read</Type>
  <Display><RTDisplay>true</RTDisplay>...</Display>...</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM124"
NAME = "description-missing"
SEVERITY = "error"
SUMMARY = "A shown parameter has no Description or an empty one"


def description_optional(model, element) -> bool:
    """Buttons, page buttons and the end of a title need no description."""
    kind = model.measurement_kind(element)
    if kind in ("button", "pagebutton"):
        return True
    if kind == "title":
        options = model.follow(element, "Measurement", "Type").get("options")
        return options is not None and any(part.lower() == "end" for part in options.strip().split(";"))
    return False


def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if not links.in_element(element):
                continue
            tag = model.first(element, "Description")
            if tag is None:
                if not description_optional(model, element):
                    yield Problem(element, f"Param {pid} is shown but has no Description", official="2.14.4")
            elif element_value(tag).empty and not description_optional(model, element):
                yield Problem(tag, f"Param {pid} is shown but has an empty Description", official="2.14.5")

