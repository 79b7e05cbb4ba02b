"""## What it does
Reports a parameter shown as a `button`, `pagebutton` or `togglebutton`
(`Measurement/Type`) whose `Param/Type` is not `write` or `write bit`.

## Why is this bad
A button is something the operator clicks: DataMiner sends its value as a set. On a read
parameter the button is shown but clicking it does nothing.

## Example
```xml
<Param id="20"><Name>Reset</Name><Type>read</Type>
  <Measurement><Type>button</Type>...</Measurement></Param>
```

## Use instead
```xml
<Param id="20"><Name>Reset</Name><Type>write</Type>
  <Measurement><Type>button</Type>...</Measurement></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM107"
NAME = "button-not-write"
SEVERITY = "error"
SUMMARY = "A button, pagebutton or togglebutton parameter is not a write parameter"

BUTTONS = ("button", "pagebutton", "togglebutton")


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Measurement", "Type")
            kind = text_of(tag)
            if kind not in BUTTONS:
                continue
            if text_of(param.type_element) in ("write", "write bit"):
                continue
            shown = text_of(param.type_element) or "(no type)"
            yield Problem(tag, f"Param {pid} is shown as a {kind} but its Type is '{shown}': a {kind} must be a "
                               f"write parameter")
