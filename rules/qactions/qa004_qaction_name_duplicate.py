"""## What it does
Reports QActions that have the same `name` (trimmed, ignoring case). One finding
per shared name, on the second QAction that uses it; the others are related
locations. QActions without a name, and QActions whose id cannot be read, are
left out.

The official severity is Warning; dmlint reports a warning.

## Why is this bad
The name is how a QAction shows up in the element's logging, in DIS and in the
protocol's documentation. Two QActions named alike usually mean one of them was
copied and not renamed.

## Example
```xml
<QAction id="1" name="Parse Table" ...>...</QAction>
<QAction id="2" name="Parse table" ...>...</QAction>
```

## Use instead
```xml
<QAction id="1" name="Parse Interfaces Table" ...>...</QAction>
<QAction id="2" name="Parse Ports Table" ...>...</QAction>
```
"""

from dmlint.rules._items import duplicate_name_problems

CODE = "QA004"
NAME = "qaction-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several QActions have the same name"


def check(model):
    yield from duplicate_name_problems(model, "qaction")
