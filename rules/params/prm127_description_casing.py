"""## What it does
Checks that the `Description` of every parameter shown in the element is written in title
case: each word starts with a capital, except articles, conjunctions and short prepositions
in the middle (`of`, `in`, `and`, ...); acronyms, names and units keep their own spelling
(`IPv4`, `DataMiner`, `dBm`). One finding for the protocol, every description to correct as
a related location with its expected spelling.

The units are taken from Skyline's `uom.xsd` when dmlint is pointed at Skyline's schema
(`--schema`); without it, a word with capitals after its first letter is left as written.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
Descriptions are the labels of the element card, of alarms and trends; mixed casing makes a
driver look unfinished next to the others, and every DataMiner driver follows this style.

## Example
```xml
<Description>output power level</Description>
```

## Use instead
```xml
<Description>Output Power Level</Description>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.titlecase import title_case
from dmlint.model.values import element_value

CODE = "PRM127"
NAME = "description-casing"
SEVERITY = "warning"
SUMMARY = "The Description of a shown parameter is not in title case"


def check(model):
    links = model.links
    units = model.description_units
    wrong = []
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Description")
            if tag is None:
                continue
            value = element_value(tag)
            if value.empty or not links.in_element(param.element):
                continue
            expected = title_case(value.raw, units)
            if expected != value.raw:
                wrong.append((tag, f"Param {pid}: '{value.raw.strip()}' should be '{expected.strip()}'"))
    if wrong:
        yield Problem(wrong[0][0], f"{len(wrong)} description(s) are not in title case, e.g. {wrong[0][1]}",
                      related=tuple(wrong))
