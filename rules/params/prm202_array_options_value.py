"""## What it does
Checks the value of `ArrayOptions@options` on a table: when present it must not be
empty (only spaces) and must have no spaces before its first or after its last option.

## Why is this bad
The first character of the value is the separator of the options. A leading space makes
the space the separator, so `" ;volatile"` is read as one unknown option and the table
silently loses its options; an empty attribute is noise that hides whether options were
meant.

The official severity is Warning; dmlint reports a warning.

## Example
```xml
<ArrayOptions index="0" options=" ;volatile;naming=/1002"/>
<ArrayOptions index="0" options=""/>
```

## Use instead
```xml
<ArrayOptions index="0" options=";volatile;naming=/1002"/>
<ArrayOptions index="0"/>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM202"
NAME = "array-options-value"
SEVERITY = "warning"
SUMMARY = "ArrayOptions@options is empty or has leading or trailing spaces"


def check(model):
    for table in model.all_tables:
        raw = table.attribute("options")
        if raw is None:
            continue
        if not raw.strip():
            yield Problem(table.array_options, f"{table.label} has an empty ArrayOptions@options", attribute="options",
                          official="2.17.1")
        elif raw != raw.strip():
            yield Problem(table.array_options, f"{table.label} has spaces around ArrayOptions@options '{raw}'",
                          attribute="options", official="2.17.2")
