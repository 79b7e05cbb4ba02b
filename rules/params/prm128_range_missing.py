"""## What it does
Reports a shown number, analog or progress parameter (see PRM114 for when a parameter counts
as shown) without `Display/Range`. Left out: a table's key column, and numbers that are a
date, date-time or time.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
The range bounds what an operator may set and scales analog and progress bars; without it
any value is accepted and bars cannot be drawn to scale.

## Example
```xml
<Display><RTDisplay>true</RTDisplay><Positions>...</Positions><Units>%</Units></Display>
<Measurement><Type>progress</Type></Measurement>
```

## Use instead
```xml
<Display><RTDisplay>true</RTDisplay><Positions>...</Positions><Units>%</Units>
  <Range><Low>0</Low><High>100</High></Range></Display>
<Measurement><Type>progress</Type></Measurement>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.options import measurement_options
from dmlint.model.values import attribute_value

CODE = "PRM128"
NAME = "range-missing"
SEVERITY = "warning"
SUMMARY = "A shown number, analog or progress parameter has no Display/Range"


def _is_date_or_time(model, element) -> bool:
    options = attribute_value(model.follow(element, "Measurement", "Type"), "options")
    if options.raw is None:
        return False
    parsed = measurement_options(options.text)
    return parsed.has_date or parsed.datetime or "time" in options.text


def check(model):
    links = None
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            display = model.first(element, "Display")
            if display is None or model.first(display, "Range") is not None:
                continue
            kind = model.measurement_kind(element)
            if kind not in ("number", "analog", "progress") or (kind == "number" and _is_date_or_time(model, element)):
                continue
            if links is None:
                links = model.links
            if links.needs_display_details(element):
                yield Problem(display, f"{kind} Param {pid} is shown without Display/Range")
