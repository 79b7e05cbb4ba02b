"""## What it does
Reports a shown parameter (it, its table or the parameter depending on it has a position)
without `Information/Subtext`, or with an empty one. Titles, write parameters other than
buttons, and tree control parameters need none.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
The subtext is the tooltip and the help text of the parameter in the client; without it
operators have nothing to go on to understand what a value means.

## Example
```xml
<Param id="10"><Name>Temperature</Name>...<Display><Positions>...</Positions></Display></Param>
```

## Use instead
```xml
<Param id="10"><Name>Temperature</Name>...
  <Information><Subtext>Temperature of the main board, in degrees Celsius.</Subtext></Information>
  <Display><Positions>...</Positions></Display></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import element_value, uint_plain

CODE = "PRM148"
NAME = "subtext-missing"
SEVERITY = "warning"
SUMMARY = "A shown parameter has no Information/Subtext or an empty one"


def check(model):
    links = model.links
    trees = None
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            kind = model.measurement_kind(element)
            if kind == "title" or (links.is_write(element) and kind != "button"):
                continue
            if not links.is_positioned(element):
                continue
            if trees is None:
                trees = {str(value) for value in (uint_plain(tree.get("parameterId")) for tree in
                                                  model.all(model.first(model.root, "TreeControls"), "TreeControl"))
                         if value is not None}
            if pid in trees:
                continue
            information = model.first(element, "Information")
            subtext = model.first(information, "Subtext")
            if subtext is None:
                yield Problem(information if information is not None else element,
                              f"Param {pid} is shown but has no Information/Subtext", official="2.4.1")
            elif element_value(subtext).empty:
                yield Problem(subtext, f"Param {pid} is shown but has an empty Information/Subtext", official="2.4.2")
