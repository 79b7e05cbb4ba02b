"""## What it does
Reports a column whose `Description` holds `[IDX]` while it is not the display key
column of its table.

## Why is this bad
By convention `[IDX]` marks the column that names the rows. On another column it tells
operators (and tools that read descriptions) the wrong column is the key.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Param id="1002">
  <Name>Interfaces_Speed</Name>
  <Description>Speed [IDX] (Interfaces)</Description>
</Param>
```

## Use instead
```xml
<Param id="1002">
  <Name>Interfaces_Speed</Name>
  <Description>Speed (Interfaces)</Description>
</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM213"
NAME = "idx-suffix"
SEVERITY = "warning"
SUMMARY = "A column that is not the display key has [IDX] in its Description"


def check(model):
    for table in model.all_tables:
        if table.array_options is None:
            continue
        key = table.display_key
        if not key.complete:
            continue
        for column in table.columns:
            param = column.param
            if param is None or (key.param is not None and param.element is key.param.element):
                continue
            element = model.first(param.element, "Description")
            text = element.text if element is not None else None
            if text and "[idx]" in text.lower():
                yield Problem(element, f"Param {param.id} ({param.name}) has [IDX] in its Description but is not the "
                                       f"display key of {table.label}", official="2.39.10")
