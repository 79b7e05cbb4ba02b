"""## What it does
Reports a `button`, `pagebutton` or `discreet` parameter (`Measurement/Type`) without
`Measurement/Discreets`, and `Measurement/Discreets` without any `Discreet` (unless it fills
its entries from another parameter with `dependencyId`).

## Why is this bad
The discreets are the entries of the drop-down and the captions and values of the buttons;
without them the client draws nothing to click or choose.

## Example
```xml
<Measurement><Type>discreet</Type></Measurement>
<Measurement><Type>button</Type><Discreets/></Measurement>
```

## Use instead
```xml
<Measurement><Type>discreet</Type>
  <Discreets><Discreet><Display>On</Display><Value>1</Value></Discreet>...</Discreets></Measurement>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import text_of

CODE = "PRM153"
NAME = "discreets-missing"
SEVERITY = "error"
SUMMARY = "A button or discreet parameter has no Discreets, or Discreets without any Discreet"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            measurement = model.first(param.element, "Measurement")
            kind = text_of(model.first(measurement, "Type"))
            discreets = model.first(measurement, "Discreets")
            if discreets is None:
                if kind in ("button", "discreet", "pagebutton"):
                    yield Problem(measurement, f"{kind} Param {pid} has no Measurement/Discreets", official="2.51.1")
            elif not model.all(discreets, "Discreet") and discreets.get("dependencyId") is None:
                yield Problem(discreets, f"Param {pid} has Measurement/Discreets without any Discreet",
                              official="2.52.1")
