"""## What it does
Reports QActions that share an id (compared as numbers, so `7` and ` 7` are the
same id). One finding per shared id, on the second QAction that uses it; the
other QActions with that id are listed as related locations.

## Why is this bad
DataMiner compiles one assembly per QAction id: with two QActions under one id,
one of them is never run, and which one depends on the DataMiner version.

## Example
```xml
<QAction id="10" name="Parse Status" ...>...</QAction>
<QAction id="10" name="Set Config" ...>...</QAction>
```

## Use instead
```xml
<QAction id="10" name="Parse Status" ...>...</QAction>
<QAction id="11" name="Set Config" ...>...</QAction>
```
"""

from dmlint.rules._items import duplicate_id_problems

CODE = "QA002"
NAME = "qaction-id-duplicate"
SEVERITY = "error"
SUMMARY = "Several QActions have the same id"


def check(model):
    yield from duplicate_id_problems(model, "qaction")
