"""## What it does
Checks `Param/Alarm/Monitored`: a parameter with an `Alarm` must say whether it is monitored,
with `true` or `false`, without spaces around.

The official severities are Major (missing, empty, invalid) and Minor (spaces); dmlint
reports errors and a warning.

## Why is this bad
Without a valid Monitored value DataMiner does not alarm the parameter, whatever the
thresholds in the Alarm say.

## Example
```xml
<Alarm><CH>90</CH></Alarm>
<Alarm><Monitored>yes</Monitored></Alarm>
```

## Use instead
```xml
<Alarm><Monitored>true</Monitored><CH>90</CH></Alarm>
```

## Fix safety
Safe: the fix removes the spaces around `true` or `false`. The other mistakes get no fix.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import BOOL, element_value

CODE = "PRM142"
NAME = "monitored-invalid"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "Alarm/Monitored is missing, empty, not true or false, or has spaces around it"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            alarm = model.first(param.element, "Alarm")
            if alarm is None:
                continue
            tag = model.first(alarm, "Monitored")
            if tag is None:
                yield Problem(alarm, f"Param {pid} has an Alarm without Monitored", official="2.24.2")
                continue
            value = element_value(tag, BOOL)
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Alarm/Monitored", official="2.24.3")
            elif value.invalid:
                yield Problem(tag, f"Param {pid} has Alarm/Monitored '{value.text}', which is neither true nor false",
                              official="2.24.4")
            elif value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Alarm/Monitored '{value.raw}'",
                              official="2.24.5", fix=Fix.of(trim_text(model.document, tag), message="trim Monitored"))
