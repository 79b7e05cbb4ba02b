"""## What it does
Checks `QAction@encoding`: it must be present, not blank, and one of the
encodings DataMiner knows (`csharp`, `jscript`, `vbscript`). A known encoding
other than `csharp` is QA009's; spaces around it are QA003's.

QActions whose id cannot be read are not checked (QA001 reports them).

## Why is this bad
DataMiner decides from the encoding how to compile and run the QAction's code.
Without a known encoding the QAction is not compiled and never runs.

## Example
```xml
<QAction id="1" name="Parse" triggers="10">...</QAction>
<QAction id="2" name="Set" encoding="c#" triggers="11">...</QAction>
```

## Use instead
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10">...</QAction>
<QAction id="2" name="Set" encoding="csharp" triggers="11">...</QAction>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label
from dmlint.rules.qactions._qactions import ENCODINGS

CODE = "QA008"
NAME = "qaction-encoding-invalid"
SEVERITY = "error"
SUMMARY = "QAction@encoding is missing, empty or not a known encoding"


def check(model):
    for element, _ in model.section("qaction").valid:
        raw = element.get("encoding")
        label = item_label(model, "qaction", element)
        if raw is None:
            yield Problem(element, f"{label} has no encoding attribute: add encoding=\"csharp\"", official="3.45.1")
        elif not raw.strip():
            yield Problem(element, f"{label} has an empty encoding: write csharp", attribute="encoding",
                          official="3.45.2")
        elif raw.strip() not in ENCODINGS:
            yield Problem(element, f"{label} has encoding '{raw.strip()}', which DataMiner does not know "
                                   f"(csharp, jscript or vbscript; write csharp)", attribute="encoding",
                          official="3.45.3")
