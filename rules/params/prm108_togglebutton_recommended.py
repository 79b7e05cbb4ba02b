"""## What it does
Reports a write parameter shown as a `discreet` drop-down with exactly two values that
obviously belong together (on/off, enabled/disabled, yes/no, open/closed, ...) and that has
a read parameter: a `togglebutton` shows that better.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
A drop-down with two obvious values takes two clicks where a toggle button takes one, and
the toggle button shows the current state of its read parameter at a glance.

## Example
```xml
<Param id="101"><Name>Mode</Name><Type>write</Type>
  <Measurement><Type>discreet</Type>
    <Discreets><Discreet><Display>On</Display><Value>1</Value></Discreet>
               <Discreet><Display>Off</Display><Value>0</Value></Discreet></Discreets>
  </Measurement></Param>
```

## Use instead
```xml
<Param id="101"><Name>Mode</Name><Type>write</Type>
  <Measurement><Type>togglebutton</Type>...</Measurement></Param>
```

## Fix safety
Unsafe: the fix writes `togglebutton` as the Measurement/Type, which changes the control users
see (a switch instead of a drop-down).
"""

from dmlint.core.fixes import UNSAFE, Fix, replace_text
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.enums import OBVIOUS_PAIRS

CODE = "PRM108"
NAME = "togglebutton-recommended"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "A write drop-down with two obvious values (on/off, yes/no, ...) should be a togglebutton"


def check(model):
    links = None
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Type")
            if text_of(tag) != "discreet" or text_of(param.type_element) not in ("write", "write bit"):
                continue
            discreets = model.discreets(param.element)
            if len(discreets) != 2:
                continue
            values = [text_of(model.first(discreet, "Display")) for discreet in discreets]
            if None in values or frozenset(value.lower() for value in values) not in OBVIOUS_PAIRS:
                continue
            if links is None:
                links = model.links
            if links.read_of(param.element) is None:
                continue
            yield Problem(tag, f"Param {pid} is a drop-down of '{values[0]}' and '{values[1]}': show it as a "
                               f"togglebutton",
                          fix=Fix.of(replace_text(model.document, tag, "togglebutton"), safety=UNSAFE,
                                     message="show it as a togglebutton"))
