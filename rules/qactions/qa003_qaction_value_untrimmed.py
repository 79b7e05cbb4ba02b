"""## What it does
Reports spaces around `QAction@id` and around a valid `QAction@encoding`
(` csharp `).

The official severity is Warning; dmlint reports a warning.

## Why is this bad
DataMiner trims these values, but not every tool that reads a protocol does (the
QAction is compiled by one and skipped by another), and diffs become noisy.

## Example
```xml
<QAction id=" 10" name="Parse" encoding="csharp " triggers="10">...</QAction>
```

## Use instead
```xml
<QAction id="10" name="Parse" encoding="csharp" triggers="10">...</QAction>
```

## Fix safety
Safe: the fix removes the spaces around the value and changes nothing else; DataMiner
reads the trimmed value the same way.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.rules._items import item_label, untrimmed_id_problems
from dmlint.rules.qactions._qactions import ENCODINGS

CODE = "QA003"
NAME = "qaction-value-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A QAction id or encoding has spaces around it"


def check(model):
    yield from untrimmed_id_problems(model, "qaction", "3.31.3")
    for element, _ in model.section("qaction").valid:
        raw = element.get("encoding")
        if raw is not None and raw.strip() in ENCODINGS and raw != raw.strip():
            yield Problem(element, f"{item_label(model, 'qaction', element)} has spaces around its encoding "
                                   f"'{raw}': write {raw.strip()}", attribute="encoding", official="3.45.4",
                          fix=Fix.of(trim_attribute(model.document, element, "encoding"), message="trim the encoding"))
