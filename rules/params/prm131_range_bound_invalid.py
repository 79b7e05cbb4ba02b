"""## What it does
Checks `Display/Range/Low` and `Display/Range/High`: each must be a number (`-10.5`), not
empty and without spaces around; with a logarithmic trend (`Display/Trending@logarithmic`)
both must be above 0; and on a write parameter they must equal the bounds of its read
parameter.

The official severities are Minor (empty, not a number, differing from the read parameter),
Warning (spaces) and Major (logarithmic); dmlint reports warnings, and an error for the
logarithmic bounds.

## Why is this bad
DataMiner cannot read a bound that is not a number and then applies none; a logarithmic axis
cannot start at 0 or below; a write parameter that accepts other values than its read
parameter can show lets operators set values that are reported out of range.

## Example
```xml
<Range><Low>0</Low><High>1,5e3</High></Range>
<Display><Trending logarithmic="true"/><Range><Low>0</Low>...</Range></Display>
```

## Use instead
```xml
<Range><Low>0</Low><High>1500</High></Range>
<Display><Trending logarithmic="true"/><Range><Low>1</Low>...</Range></Display>
```

## Fix safety
Safe: the fix removes the spaces around the number. The other mistakes get no fix.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import BOOL, DECIMAL, attribute_value, element_value

CODE = "PRM131"
NAME = "range-bound-invalid"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A Display/Range Low or High is empty, not a number, untrimmed, not above 0 on a log scale or unlike the read"

BOUNDS = (("Low", "2.32"), ("High", "2.33"))


def check(model):
    links = None
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            display = model.first(element, "Display")
            tag = model.first(display, "Range")
            if tag is None:
                continue
            logarithmic = attribute_value(model.first(display, "Trending"), "logarithmic", BOOL).value is True
            for name, check_code in BOUNDS:
                bound = model.first(tag, name)
                value = element_value(bound, DECIMAL)
                where = bound if bound is not None else tag
                if value.empty:
                    yield Problem(where, f"Param {pid} has an empty Range/{name}", official=f"{check_code}.3")
                    continue
                if value.invalid:
                    yield Problem(where, f"Param {pid} has Range/{name} '{value.text}', which is not a number",
                                  official=f"{check_code}.4")
                    continue
                if logarithmic and (bound is None or value.value <= 0):
                    shown = "missing" if bound is None else f"{value.text}"
                    yield Problem(where, f"Param {pid} is trended on a logarithmic scale but its Range/{name} is "
                                         f"{shown}: it must be above 0", official=f"{check_code}.6")
                    continue
                if bound is None:
                    continue
                if links is None:
                    links = model.links
                read = links.read_of(element) if links.is_write(element) else None
                if read is not None:
                    read_bound = model.follow(read, "Display", "Range", name)
                    read_value = element_value(read_bound, DECIMAL).value
                    if read_value != value.value:
                        shown = element_value(read_bound).text if read_bound is not None else "none"
                        yield Problem(bound, f"write Param {pid} has Range/{name} {value.text} but its read parameter "
                                             f"has {shown}: give both the same bounds", official=f"{check_code}.7")
                        continue
                if value.untrimmed:
                    yield Problem(bound, f"Param {pid} has spaces around its Range/{name} '{value.raw}'",
                                  official=f"{check_code}.5",
                                  fix=Fix.of(trim_text(model.document, bound), message=f"trim the {name}"))
