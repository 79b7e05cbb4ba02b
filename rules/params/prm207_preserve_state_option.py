"""## What it does
Reports the `preserve state` option in `ArrayOptions@options`.

## Why is this bad
`preserve state` keeps the display state of the rows of a table while it is being
refilled. It costs memory and processing on every update of the table and is rarely
needed; DataMiner's own guidance is to avoid it.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<ArrayOptions index="0" options=";preserve state;volatile"/>
```

## Use instead
```xml
<ArrayOptions index="0" options=";volatile"/>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM207"
NAME = "preserve-state-option"
SEVERITY = "warning"
SUMMARY = "A table uses the preserve state option"


def check(model):
    for table in model.all_tables:
        options = table.options
        if options is not None and options.preserve_state:
            yield Problem(table.array_options, f"{table.label} uses 'preserve state' in ArrayOptions@options; avoid it",
                          attribute="options", official="2.17.6")
