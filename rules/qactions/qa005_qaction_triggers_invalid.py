"""## What it does
Checks `QAction@triggers`: the `;`-separated ids of the parameters (or, with
`options="group"`, the groups) that run the QAction. It reports a missing or
empty attribute and parts that are not ids (an empty part too: `1;;2`). When the
value has several parts, the QAction gets one finding that lists the wrong ones.
An id that names nothing is QA006's, an id listed twice QA007's.

QActions with `options="precompile"`, QActions a timer runs directly
(`Timer@options` `qaction:`, `qactionBefore:`, `qactionAfter:`) and QActions whose
id cannot be read are not checked.

## Why is this bad
A QAction without valid triggers never runs: the parameters or groups it was
meant to react to change and nothing happens.

## Example
```xml
<QAction id="1" name="Parse" encoding="csharp">...</QAction>
<QAction id="2" name="Set" encoding="csharp" triggers="10;Status">...</QAction>
```

## Use instead
```xml
<QAction id="1" name="Parse" encoding="csharp" triggers="10">...</QAction>
<QAction id="2" name="Set" encoding="csharp" triggers="10;11">...</QAction>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label
from dmlint.rules.qactions._qactions import checked_triggers

CODE = "QA005"
NAME = "qaction-triggers-invalid"
SEVERITY = "error"
SUMMARY = "QAction@triggers is missing, empty, or lists something that is not an id"


def check(model):
    checked = {}
    for element, _ in checked_triggers(model):
        checked[element] = True
        if element.get("triggers") is None:
            yield Problem(element, f"{item_label(model, 'qaction', element)} has no triggers attribute: list the "
                                   f"parameters (or, with options=\"group\", the groups) that run it",
                          official="3.2.1")
    by_qaction: dict = {}
    for verdict in model.reference_verdicts.get(CODE, ()):
        if verdict.reference.element in checked:
            by_qaction.setdefault(verdict.reference.element, []).append(verdict)
    for qaction, verdicts in by_qaction.items():
        raw = qaction.get("triggers") or ""
        if ";" not in raw:
            yield verdicts[0].problem
            continue
        wrong = ", ".join(f"'{verdict.reference.raw}'" for verdict in verdicts)
        yield Problem(qaction, f"{item_label(model, 'qaction', qaction)}: triggers '{raw}' lists {wrong}, which "
                               f"{'is' if len(verdicts) == 1 else 'are'} not an id", attribute="triggers",
                      official="3.2.3", related=tuple((qaction, verdict.message) for verdict in verdicts))
