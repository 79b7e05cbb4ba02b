"""## What it does
Reports a QAction whose `encoding` is `jscript` or `vbscript`: encodings
DataMiner still knows but no longer supports for QActions.

QActions whose id cannot be read are not checked (QA001 reports them).

## Why is this bad
Only C# QActions are supported: script QActions are not compiled by current
DataMiner versions, cannot use the QAction helpers, and are skipped by the
official tooling (it reads C# only).

## Example
```xml
<QAction id="1" name="Parse" encoding="jscript" triggers="10">...</QAction>
```

## Use instead
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10">...</QAction>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label
from dmlint.rules.qactions._qactions import ENCODINGS

CODE = "QA009"
NAME = "qaction-encoding-unsupported"
SEVERITY = "error"
SUMMARY = "A QAction is written in JScript or VBScript instead of C#"


def check(model):
    for element, _ in model.section("qaction").valid:
        encoding = (element.get("encoding") or "").strip()
        if encoding in ENCODINGS and encoding != "csharp":
            yield Problem(element, f"{item_label(model, 'qaction', element)} is encoded in {encoding}: QActions "
                                   f"are supported in C# only (encoding=\"csharp\")", attribute="encoding")
