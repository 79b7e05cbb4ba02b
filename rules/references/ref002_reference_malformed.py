"""## What it does
Reports values at parameter-reference sites (the same table as REF001) that are
not ids at all: empty values and tokens that are not plain numbers (`abc`, `-1`,
`1.5`, `12a`). Wildcards a site allows (`ExportRule@table="*"`) are accepted
(`Command@ascii` also takes `true`/`false`).

## Why is this bad
DataMiner cannot resolve a value that is not a number, so the reference is
dropped, exactly as a reference to a missing parameter, but this one can never be
fixed by adding a parameter: the value itself is wrong (often a name or a
placeholder where the id should be).

## Example
```xml
<QAction id="100" triggers="20;Status">...</QAction>
<Group id="10" connectionPid="">...</Group>
```

## Use instead
```xml
<QAction id="100" triggers="20;21">...</QAction>
<Group id="10" connectionPid="30">...</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.core.ids import normalize_id

CODE = "REF002"
NAME = "reference-malformed"
SEVERITY = "error"
SUMMARY = "A parameter reference is empty or not a number"
SKYLINE = (
    "2.63.2", "3.2.2", "3.2.3", "4.2.2", "4.2.3", "4.7.1", "4.7.2", "10.3.2", "10.3.3", "10.4.1",
    "10.4.2", "11.3.2", "11.3.3", "16.1.2", "16.1.3", "18.1.2", "18.1.4",
)


def check(model):
    seen = set()
    for reference in model.all_references:
        site = reference.site
        if not site.ref_rule or site.skipped_by_ref(reference.element):
            continue
        raw = reference.raw
        if normalize_id(raw) is not None or raw.strip() in site.wildcards:
            continue
        key = (id(reference.element), site.name, raw)
        if key in seen:
            continue
        seen.add(key)
        where = site.name.split("(")[0]
        if not raw.strip():
            yield Problem(reference.element, f"{where} is empty: it should hold a parameter id",
                          attribute=site.attribute, skyline=site.official("empty"))
        else:
            yield Problem(reference.element, f"{where} holds '{raw.strip()}', which is not a parameter id",
                          attribute=site.attribute, skyline=site.official("invalid"))
