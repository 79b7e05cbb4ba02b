"""## What it does
Checks `Param/Alarm@options`: when present it must not be empty, the parameters it names
(`threshold:LOW,HIGH` and the numeric parts of `properties:`) must exist, and it must have
no spaces around its value.

The official severities are Warning (empty, spaces) and Major (missing parameter); dmlint
reports warnings and an error.

## Why is this bad
DataMiner reads the alarm thresholds and the alarm properties from those parameters; one
that does not exist leaves the threshold unset or the property empty.

## Example
```xml
<Alarm options="threshold:1000,1001"><Monitored>true</Monitored></Alarm>  <!-- no Param 1001 -->
```

## Use instead
```xml
<Alarm options="threshold:1000,1002"><Monitored>true</Monitored></Alarm>
```

## Fix safety
Safe: an empty `options` is removed (it sets nothing), spaces around the value are removed.
Options naming missing parameters get no fix.
"""

from dmlint.core.fixes import Fix, remove_attribute, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.options import alarm_option_ids
from dmlint.model.values import attribute_value

CODE = "PRM145"
NAME = "alarm-options-invalid"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Alarm@options is empty, untrimmed or names parameters that do not exist"


def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Alarm")
            value = attribute_value(tag, "options")
            if value.missing:
                continue
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty Alarm@options", attribute="options", official="2.34.4",
                              fix=Fix.of(remove_attribute(model.document, tag, "options"),
                                         message="remove the empty options"))
                continue
            for _option, token in alarm_option_ids(value.text):
                if links.param(token) is None:
                    yield Problem(tag, f"Param {pid} has Alarm@options naming Param '{token}', which does not exist",
                                  attribute="options", official="2.34.6")
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its Alarm@options '{value.raw}'",
                              attribute="options", official="2.34.5",
                              fix=Fix.of(trim_attribute(model.document, tag, "options"), message="trim the options"))
