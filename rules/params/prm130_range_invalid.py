"""## What it does
Checks `Param/Display/Range`: it must hold a `Low`, a `High` or both, and `Low` must be below
`High`.

The official severities are Warning (empty) and Major (low not below high); dmlint reports a
warning and an error.

## Why is this bad
An empty range says nothing; with a low bound above (or equal to) the high bound no value is
valid, so every set is refused and bars cannot be drawn.

## Example
```xml
<Range><Low>100</Low><High>0</High></Range>
```

## Use instead
```xml
<Range><Low>0</Low><High>100</High></Range>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import DECIMAL, element_value

CODE = "PRM130"
NAME = "range-invalid"
SEVERITY = "error"
SUMMARY = "Display/Range holds neither Low nor High, or Low is not below High"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Display", "Range")
            if tag is None:
                continue
            low, high = model.first(tag, "Low"), model.first(tag, "High")
            if low is None and high is None:
                yield Problem(tag, f"Param {pid} has a Display/Range without Low or High", official="2.11.3")
                continue
            if low is None or high is None:
                continue
            low_value, high_value = element_value(low, DECIMAL).value, element_value(high, DECIMAL).value
            if low_value is not None and high_value is not None and high_value <= low_value:
                yield Problem(tag, f"Param {pid} has range Low {low_value} and High {high_value}: Low must be below "
                                   f"High", official="2.11.4")
