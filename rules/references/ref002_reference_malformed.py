"""## What it does
Reports values at parameter-reference sites (the same table as REF001) that are
not ids at all: empty values and tokens that are not plain numbers (`abc`, `-1`,
`1.5`, `12a`). Wildcards a site allows are accepted.

## Why is this bad
DataMiner cannot resolve a value that is not a number, so the reference is
dropped, exactly as a reference to a missing parameter, but this one can never be
fixed by adding a parameter: the value itself is wrong (often a name or a
placeholder where the id should be).

## Example
```xml
<QAction id="100" inputParameters="20;Status">...</QAction>
<ParameterGroups><Group id="1" dynamicId=""/></ParameterGroups>
```

## Use instead
```xml
<QAction id="100" inputParameters="20;21">...</QAction>
<ParameterGroups><Group id="1" dynamicId="1000"/></ParameterGroups>
```
"""

from dmlint.model.references import reported_by

CODE = "REF002"
NAME = "reference-malformed"
SEVERITY = "error"
SUMMARY = "A parameter reference is empty or not a number"

check = reported_by(CODE)
