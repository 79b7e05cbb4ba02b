"""## What it does
Reports group references that are not ids: an empty or non-numeric `Content/Param`,
`Content/Action`, `Content/Pair` or `Content/Trigger`, a `Content/Param` with more than one
suffix (`100:single:table`), and an empty or non-numeric `Group@connectionPID`.

## Why is this bad
DataMiner cannot resolve such a value: the item is dropped from the group as if it named
nothing, but no id can ever fix it, the value itself is wrong (often a name or a
placeholder where the id should be).

## Example
```xml
<Group id="1"><Content><Param></Param><Param>Status</Param></Content></Group>
<Group id="2" connectionPID="abc">...</Group>
```

## Use instead
```xml
<Group id="1"><Content><Param>100</Param><Param>101</Param></Content></Group>
<Group id="2" connectionPID="150">...</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.groups._groups import content_params, group_label, suffixed, valid_groups

CODE = "GRP006"
NAME = "group-reference-malformed"
SEVERITY = "error"
SUMMARY = "A group's content item or connectionPID is empty or not an id"


def check(model):
    for verdict in model.reference_verdicts.get(CODE, ()):
        yield verdict.problem
    for group in valid_groups(model):
        for param in content_params(group):
            found = suffixed(param)
            if found is not None and len(found[1]) > 1:
                yield Problem(param, f"{group_label(group)} polls <Param>{param.text.strip()}</Param>: a parameter "
                                     f"takes one suffix at most (pid:suffix)", official="4.2.3")
