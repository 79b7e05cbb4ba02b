"""## What it does
Reports `Param/Alarm/Info`: the tag is not recommended; when it is there, it must not be
empty and must have no spaces around its value.

The official severities are Minor; dmlint reports warnings.

## Why is this bad
The alarm info text is not shown by the current clients and is overwritten by alarm
templates; keeping it in the protocol suggests a behaviour operators will not see.

## Example
```xml
<Alarm><Monitored>true</Monitored><Info>0</Info></Alarm>
```

## Use instead
```xml
<Alarm><Monitored>true</Monitored></Alarm>
```

## Fix safety
Unsafe: the fix removes the Alarm/Info and the text it holds, which the alarm then no longer
shows; a monitored Alarm left without any threshold is then reported by PRM150. Empty or
untrimmed Info gets no fix.
"""

from dmlint.core.fixes import UNSAFE, Fix, remove_element
from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM151"
NAME = "alarm-info"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "Alarm/Info is not recommended, and must not be empty or untrimmed"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Alarm", "Info")
            if tag is None:
                continue
            value = element_value(tag)
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Alarm/Info '{value.raw}'", official="2.79.2")
            elif value.empty:
                yield Problem(tag, f"Param {pid} has an empty Alarm/Info", official="2.79.3")
            else:
                yield Problem(tag, f"Param {pid} has an Alarm/Info, which is not recommended: remove it",
                              official="2.79.1", fix=Fix.of(remove_element(model.document, tag), safety=UNSAFE,
                                                            message="remove the Info"))
