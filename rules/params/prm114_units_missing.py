"""## What it does
Reports a number, analog or progress parameter (`Measurement/Type`) that is shown (it, its
table or the parameter depending on it has a position, or it is the write parameter of a
shown read parameter) without `Display/Units`. Left out: a table's key column, and numbers
that are a date, date-time or time (`Measurement/Type@options`).

The official severity is Minor; dmlint reports a warning.

## Why is this bad
A number without unit is ambiguous (seconds or milliseconds? dBm or dBmV?); operators and
reports need the unit to read the value, and DataMiner converts values only with one.

## Example
```xml
<Param id="10"><Name>Temperature</Name>...
  <Display><RTDisplay>true</RTDisplay><Positions>...</Positions></Display>
  <Measurement><Type>number</Type></Measurement></Param>
```

## Use instead
```xml
<Param id="10"><Name>Temperature</Name>...
  <Display><RTDisplay>true</RTDisplay><Positions>...</Positions><Units>deg C</Units></Display>
  <Measurement><Type>number</Type></Measurement></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.options import measurement_options
from dmlint.model.values import attribute_value

CODE = "PRM114"
NAME = "units-missing"
SEVERITY = "warning"
SUMMARY = "A shown number, analog or progress parameter has no Display/Units"


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
            if display is None or model.first(display, "Units") is not None:
                continue
            kind = model.measurement_kind(element)
            if kind not in ("number", "analog", "progress"):
                continue
            if kind == "number" and _is_date_or_time(model, element):
                continue
            if links is None:
                links = model.links
            if not links.needs_display_details(element):
                continue
            yield Problem(display, f"{kind} Param {pid} is shown without Display/Units")
