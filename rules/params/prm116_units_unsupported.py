"""## What it does
Reports `Param/Display/Units` on a parameter that cannot show a unit: one without a
(known) `Measurement/Type`, or whose measurement type is not `number`, `analog` or
`progress` (a string, discreet, button, table, ...).

The official severities are Major (a measurement type that shows no unit) and Minor (no
measurement type); dmlint reports an error and a warning.

## Why is this bad
The unit is ignored there: it only misleads whoever reads the protocol (is this value really
a number?).

## Example
```xml
<Param id="5"><Display><Units>s</Units></Display>
  <Measurement><Type>string</Type></Measurement></Param>
```

## Use instead
```xml
<Param id="5"><Display>...</Display>
  <Measurement><Type>string</Type></Measurement></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.enums import MEASUREMENT_TYPES
from dmlint.model.values import element_value

CODE = "PRM116"
NAME = "units-unsupported"
SEVERITY = "error"
SUMMARY = "Display/Units on a parameter whose Measurement/Type shows no unit, or that has none"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Display", "Units")
            if tag is None or element_value(tag).empty:
                continue
            kind = model.measurement_kind(param.element)
            if kind not in MEASUREMENT_TYPES:
                yield Problem(tag, f"Param {pid} has Display/Units but no (known) Measurement/Type to show it with",
                              official="2.9.6")
            elif kind not in ("number", "analog", "progress"):
                yield Problem(tag, f"Param {pid} is a {kind}: it shows no unit, remove Display/Units",
                              official="2.9.5")
