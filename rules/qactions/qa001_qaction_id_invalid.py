"""## What it does
Checks the `id` of every `Protocol/QActions/QAction`: it must be present, not
blank, and a plain unsigned number (digits only: no sign, no leading zero, no
decimals).

## Why is this bad
DataMiner compiles each QAction into an assembly named after its id, and actions,
timers and other QActions name it by id. A QAction whose id cannot be read is
never compiled or run, and its other checks are skipped until the id is fixed.

## Example
```xml
<QAction name="Process Table" encoding="csharp" triggers="100">...</QAction>
<QAction id="01" name="Init" encoding="csharp" triggers="2">...</QAction>
```

## Use instead
```xml
<QAction id="100" name="Process Table" encoding="csharp" triggers="100">...</QAction>
<QAction id="1" name="Init" encoding="csharp" triggers="2">...</QAction>
```
"""

from dmlint.rules._items import id_problems

CODE = "QA001"
NAME = "qaction-id-invalid"
SEVERITY = "error"
SUMMARY = "A QAction has no id, an empty id or an id that is not a plain number"


def check(model):
    yield from id_problems(model, "qaction", "3.31.1", "3.31.2", "3.31.4")
