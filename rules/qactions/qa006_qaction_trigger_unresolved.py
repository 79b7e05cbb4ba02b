"""## What it does
Reports an id in `QAction@triggers` that names no parameter, or, with
`options="group"`, no group. DataMiner's general parameters (65000-65130, such as
65008, the element's alarm state) exist in every element and are accepted. The
official check looks each id up exactly as written, so ` 5` (in `1; 5`) and `05`
name nothing either: write the ids plainly.

QActions with `options="precompile"`, QActions a timer runs directly and QActions
whose id cannot be read are not checked.

## Why is this bad
The QAction never runs for that trigger: the parameter or group it waits for does
not exist.

## Example
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10;99">...</QAction>  <!-- no Param 99 -->
<QAction id="2" name="Poll" encoding="csharp" triggers="5" options="group">...</QAction>  <!-- no Group 5 -->
```

## Use instead
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10;11">...</QAction>
<QAction id="2" name="Poll" encoding="csharp" triggers="1" options="group">...</QAction>
```
"""

from dmlint.model.item_ids import uint_id
from dmlint.model.runs import GENERAL_PARAMS
from dmlint.rules.qactions._qactions import checked_triggers

CODE = "QA006"
NAME = "qaction-trigger-unresolved"
SEVERITY = "error"
SUMMARY = "QAction@triggers names a parameter or group that does not exist"


def check(model):
    checked = {element for element, _ in checked_triggers(model)}
    for verdict in model.reference_verdicts.get(CODE, ()):
        reference = verdict.reference
        if reference.element not in checked:
            continue
        if reference.site.names_param and uint_id(reference.raw) in GENERAL_PARAMS:
            continue
        yield verdict.problem
