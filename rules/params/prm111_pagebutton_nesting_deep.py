"""## What it does
Reports a `pagebutton` that opens a page holding another page button that opens a page with
yet another one, and so on: more than two levels of page buttons. A page button's pages are
the `Value`s of its discreets; its level is one more than the deepest page button positioned
on one of those pages.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
Every level is a pop-up window on top of the previous one; beyond two levels operators lose
track of where they are and how to get back.

## Example
```xml
<Param id="1"><Measurement><Type>pagebutton</Type>
  <Discreets><Discreet><Display>More</Display><Value>Level 1</Value></Discreet></Discreets></Measurement>
  <Display><Positions><Position><Page>General</Page>...</Position></Positions></Display></Param>
<!-- on "Level 1" a page button to "Level 2", on "Level 2" one to "Level 3" -->
```

## Use instead
Put the settings of the deepest levels on their own pages or on the first pop-up.
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM111"
NAME = "pagebutton-nesting-deep"
SEVERITY = "warning"
SUMMARY = "Page buttons are nested more than two levels deep"


def _pages(model, element) -> list[str]:
    positions = model.all(model.follow(element, "Display", "Positions"), "Position")
    return [text_of(model.first(position, "Page")) for position in positions
            if model.first(position, "Page") is not None]


def check(model):
    buttons = []
    on_page: dict[str, list] = {}
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Type")
            if text_of(tag) != "pagebutton":
                continue
            buttons.append((pid, param.element))
            for discreet in model.discreets(param.element):
                value = model.first(discreet, "Value")
                if value is not None:
                    on_page.setdefault(text_of(value).lower(), []).append(param.element)
    if not buttons:
        return

    known: dict = {}  # depth of a button whose nesting holds no cycle

    def depth(element, visiting) -> tuple[int, bool]:
        """(levels of page buttons up to this one, whether a cycle was met on the way)."""
        if element in known:
            return known[element], False
        if not model.all(model.follow(element, "Display", "Positions"), "Position"):
            return 0, False
        if element in visiting:
            return 0, True  # a page button that (indirectly) opens its own page
        visiting.add(element)
        deepest, cyclic = 0, False
        for page in _pages(model, element):
            for other in on_page.get((page or "").lower(), ()):
                levels, met = depth(other, visiting)
                deepest, cyclic = max(deepest, levels), cyclic or met
        visiting.discard(element)
        if not cyclic:
            known[element] = deepest + 1
        return deepest + 1, cyclic

    for pid, element in buttons:
        levels, _ = depth(element, set())
        if levels > 2:
            yield Problem(model.follow(element, "Display", "Positions"),
                          f"page button Param {pid} is {levels} levels deep "
                          f"(at most 2 recommended)")
