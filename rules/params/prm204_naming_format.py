"""## What it does
Checks `ArrayOptions/NamingFormat`, the display key of a table written as parts joined
by the value's first character (`,Slot ,1001,/,1002`): numeric parts are the ids of the
columns to show, other parts are literal text. It reports an empty tag, spaces around
the value, numeric parts naming no parameter, and a format without any column.

## Why is this bad
A display key without a column is the same for every row, so rows cannot be told
apart; a part naming a missing column leaves a gap in every key. Leading spaces make the
space the separator.

## Example
```xml
<NamingFormat>,Slot ,1009</NamingFormat>  <!-- no Param 1009 -->
<NamingFormat>,Slot ,A</NamingFormat>  <!-- no column at all -->
```

## Use instead
```xml
<NamingFormat>,Slot ,1001,/,1002</NamingFormat>
```
"""

from dmlint.core.ids import dotnet_uint
from dmlint.core.problem import Problem

CODE = "PRM204"
NAME = "naming-format"
SEVERITY = "error"
SUMMARY = "ArrayOptions/NamingFormat is empty, untrimmed, names no column or a column that does not exist"


def check(model):
    for table in model.all_tables:
        element = table.naming_format
        if element is None:
            continue
        raw = element.text or ""
        value = raw.strip()
        if not value:
            yield Problem(element, f"{table.label} has an empty NamingFormat", official="2.65.1")
            continue
        dynamic = 0
        for part in value.split(value[0]):
            if dotnet_uint(part) is None:
                continue  # literal text of the key
            dynamic += 1
            if model.param_by_key(part) is None:
                yield Problem(element, f"the NamingFormat of {table.label} names Param '{part}', which does not "
                                       f"exist", official="2.65.3")
        if dynamic == 0:
            yield Problem(element, f"the NamingFormat of {table.label} ('{value}') has no column, so every row "
                                   f"gets the same display key", official="2.65.4")
        if raw != value:
            yield Problem(element, f"{table.label} has spaces around its NamingFormat '{raw}'", official="2.65.2")
