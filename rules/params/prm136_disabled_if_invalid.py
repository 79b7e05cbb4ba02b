"""## What it does
Checks `Alarm/Monitored@disabledIf` (`PID,VALUE`: alarming is off while that parameter holds
that value): it must not be empty, must hold a comma, the parameter before it must exist and
must not be a write parameter or a table, and the attribute must have no spaces around it.

## Why is this bad
DataMiner compares the value of that parameter to decide whether to alarm; a parameter that
does not exist, a write parameter (which has no value of its own) or a table makes the
condition never true, so alarms are never disabled.

## Example
```xml
<Alarm><Monitored disabledIf="1000">true</Monitored></Alarm>
```

## Use instead
```xml
<Alarm><Monitored disabledIf="1000,0">true</Monitored></Alarm>
```

## Fix safety
Safe: the fix removes the spaces around the value. The other mistakes get no fix (which
parameter was meant is not known).
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.values import attribute_value

CODE = "PRM136"
NAME = "disabled-if-invalid"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "Alarm/Monitored@disabledIf is empty, has no comma, or names a missing, write or table parameter"


def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Alarm", "Monitored")
            value = attribute_value(tag, "disabledIf")
            if value.missing:
                continue
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Monitored@disabledIf", attribute="disabledIf",
                              official="2.72.1")
                continue
            if "," not in value.text:
                yield Problem(tag, f"Param {pid} has Monitored@disabledIf '{value.text}': expected PID,VALUE",
                              attribute="disabledIf", official="2.72.3")
                continue
            target = value.text.split(",", 1)[0]
            referenced = links.param(target)
            if referenced is None:
                yield Problem(tag, f"Param {pid} disables its alarms on Param {target}, which does not exist",
                              attribute="disabledIf", official="2.72.4")
                continue
            kind = text_of(model.first(referenced, "Type"))
            if links.is_write(referenced) or kind == "array":
                yield Problem(tag, f"Param {pid} disables its alarms on Param {target}, a '{kind}' parameter: use a "
                                   f"read parameter", attribute="disabledIf", official="2.72.5")
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Monitored@disabledIf '{value.raw}'",
                              attribute="disabledIf", official="2.72.2",
                              fix=Fix.of(trim_attribute(model.document, tag, "disabledIf"), message="trim disabledIf"))
