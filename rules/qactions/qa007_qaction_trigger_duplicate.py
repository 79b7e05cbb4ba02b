"""## What it does
Reports an id listed more than once in `QAction@triggers` (`10;11;10`), once per
repeated id. Parts are compared as written.

QActions with `options="precompile"`, QActions a timer runs directly and QActions
whose id cannot be read are not checked.

## Why is this bad
Listing a trigger twice does not run the QAction twice; it is a copy-paste slip
that hides which trigger was meant (often a second, different parameter).

## Example
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10;11;10">...</QAction>
```

## Use instead
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10;11;12">...</QAction>
```
"""

from collections import Counter

from dmlint.core.problem import Problem
from dmlint.model.item_ids import uint_id
from dmlint.rules._items import item_label
from dmlint.rules.qactions._qactions import checked_triggers

CODE = "QA007"
NAME = "qaction-trigger-duplicate"
SEVERITY = "error"
SUMMARY = "QAction@triggers lists the same id more than once"


def check(model):
    for element, _ in checked_triggers(model):
        raw = element.get("triggers")
        if raw is None or ";" not in raw:
            continue
        counts = Counter(raw.split(";"))
        for part, count in counts.items():
            if count > 1 and uint_id(part) is not None:
                yield Problem(element, f"{item_label(model, 'qaction', element)} lists trigger '{part}' {count} "
                                       f"times in triggers '{raw}'", attribute="triggers", official="3.2.6")
