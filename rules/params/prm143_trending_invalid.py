"""## What it does
Checks `Param@trending`: when present it must not be empty and must have no spaces around
its value.

The official severities are Warning; dmlint reports warnings.

## Why is this bad
An empty trending attribute says nothing (trending then follows the default); spaces are
tolerated by DataMiner but not by every tool that reads the protocol.

## Example
```xml
<Param id="10" trending=" true">
```

## Use instead
```xml
<Param id="10" trending="true">
```

## Fix safety
Safe: the fix removes the spaces around the value. An empty attribute gets no fix.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.values import attribute_value

CODE = "PRM143"
NAME = "trending-invalid"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Param@trending is empty or has spaces around its value"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            value = attribute_value(param.element, "trending")
            if value.missing:
                continue
            if value.empty:
                yield Problem(param.element, f"Param {pid} has an empty trending attribute", attribute="trending",
                              official="2.8.2")
            elif value.untrimmed:
                yield Problem(param.element, f"Param {pid} has spaces around its trending value '{value.raw}'",
                              attribute="trending", official="2.8.3",
                              fix=Fix.of(trim_attribute(model.document, param.element, "trending"),
                                         message="trim trending"))
