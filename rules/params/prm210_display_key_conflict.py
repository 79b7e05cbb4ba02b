"""## What it does
Reports a table whose display key is defined more than once: two or more of
`ArrayOptions@displayColumn`, the `naming=` option and `ArrayOptions/NamingFormat`, or
several `ColumnOption`s of `type="displaykey"`.

## Why is this bad
DataMiner takes one of the definitions and ignores the others, so what the author reads
in the protocol is not necessarily how rows are named; the unused definitions only
mislead.

## Example
```xml
<ArrayOptions index="0" displayColumn="1" options=";naming=/1002">
```

## Use instead
```xml
<ArrayOptions index="0" options=";naming=/1002">
```

## Fix safety
Safe: the fix keeps the definition DataMiner uses (NamingFormat before naming= before displayColumn)
and removes the others: displayColumn when there is a naming= option or a NamingFormat, the naming=
option (or the whole options attribute when it held nothing else) when there is a NamingFormat. No
fix is offered for several displaykey columns.
"""

from dmlint.core.fixes import Fix, remove_attribute, replace_attribute_value
from dmlint.core.problem import Problem

CODE = "PRM210"
NAME = "display-key-conflict"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A table defines its display key more than once"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        defined = [name for name, present in (
            ("displayColumn", table.attribute("displayColumn") is not None),
            ("naming=", table.naming is not None),
            ("NamingFormat", table.naming_format is not None)) if present]
        if len(defined) > 1:
            yield Problem(table.array_options, f"{table.label} defines its display key {len(defined)} times "
                                               f"({', '.join(defined)}): keep one", official="2.39.1",
                          fix=_one_definition(model, table))
        options = table.display_key_options
        if len(options) > 1:
            yield Problem(table.array_options, f"{table.label} has {len(options)} ColumnOptions of type displaykey; "
                                               f"a table has one display key column", official="2.39.11",
                          related=tuple((option.element, "a displaykey column") for option in options))


def _one_definition(model, table):
    """Remove the definitions DataMiner does not use: displayColumn below naming= or NamingFormat,
    naming= below NamingFormat."""
    document, options = model.document, table.array_options
    edits = []
    if table.attribute("displayColumn") is not None:
        edits.append(remove_attribute(document, options, "displayColumn"))
    if table.naming is not None and table.naming_format is not None:
        parsed = table.options
        kept = [part for part in parsed.parts if part != table.naming.text]
        if kept:
            raw = table.attribute("options")
            lead = parsed.separator if raw.strip().startswith(parsed.separator) else ""
            edits.append(replace_attribute_value(document, options, "options", lead + parsed.separator.join(kept)))
        else:
            edits.append(remove_attribute(document, options, "options"))
    return Fix.of(*edits, message="keep the display key DataMiner uses")
