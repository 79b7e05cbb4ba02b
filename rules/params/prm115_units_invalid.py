"""## What it does
Checks `Param/Display/Units` on parameters that may have units: it must not be empty, must
have no spaces around it, and must be one of DataMiner's units of measurement, written as
DataMiner writes it now (`am/Year`, not the outdated `am/yr`).

The list of units is Skyline's `uom.xsd`, which Skyline's `protocol.xsd` includes: point
dmlint at that schema (`--schema`, or `schema` in the configuration) to check the unit
itself; without it only empty units and spaces are reported.

The official severities are Minor; dmlint reports warnings.

## Why is this bad
DataMiner converts, compares and aggregates values by their unit; a unit it does not know
(or an old notation) makes that fail silently, and the client shows it as written.

## Example
```xml
<Display><Units>am/yr</Units></Display>
<Display><Units> % </Units></Display>
```

## Use instead
```xml
<Display><Units>am/Year</Units></Display>
<Display><Units>%</Units></Display>
```

## Fix safety
Safe: the fix writes the current notation of an outdated unit (the same unit: `am/yr` becomes
`am/Year`), or removes the spaces around the unit. Other mistakes get no fix.
"""

from dmlint.core.fixes import Fix, replace_text, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM115"
NAME = "units-invalid"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Display/Units is empty, untrimmed, not a DataMiner unit or an outdated notation"

SUPPORTED = ("number", "analog", "progress")


def check(model):
    units = None
    looked = False
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Display", "Units")
            if tag is None:
                continue
            value = element_value(tag)
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Display/Units", official="2.9.2")
                continue
            if model.measurement_kind(param.element) not in SUPPORTED:
                continue  # PRM116
            if not looked:
                units, looked = model.units, True
            if units is not None:
                if value.text in units.known:
                    pass
                elif value.text in units.outdated:
                    yield Problem(tag, f"Param {pid} has unit '{value.text}', an outdated notation: write "
                                       f"'{units.outdated[value.text]}'", official="2.9.3",
                                  fix=Fix.of(replace_text(model.document, tag, units.outdated[value.text]),
                                             message="write the current notation"))
                    continue
                else:
                    yield Problem(tag, f"Param {pid} has unit '{value.text}', which is not a DataMiner unit",
                                  official="2.9.4")
                    continue
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Display/Units '{value.raw}'", official="2.9.8",
                              fix=Fix.of(trim_text(model.document, tag), message="trim the units"))
