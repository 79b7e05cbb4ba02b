"""## What it does
Reports leading or trailing spaces in the values that identify a parameter:
`Param@id`, the `Param/Type` text and `Param/Type@id`.

## Why is this bad
Most DataMiner components trim these values but not all of them (and not every
tool that reads protocols), so an untrimmed id or type works in one place and is
not found in another.

The official severity is Warning; dmlint reports a warning.

## Example
```xml
<Param id=" 100 "><Type id="10 ">read bit</Type>...</Param>
```

## Use instead
```xml
<Param id="100"><Type id="10">read bit</Type>...</Param>
```

## Fix safety
Safe: the fix removes the spaces around the value, as written (entities are kept).
"""

from dmlint.core.fixes import Fix, trim_attribute, trim_text
from dmlint.core.ids import read_id
from dmlint.core.problem import Problem
from dmlint.model.params import param_label
from dmlint.model.reserved import id_range_problem

CODE = "PRM004"
NAME = "param-value-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Param@id, Param/Type or Type@id has leading or trailing spaces"


def _untrimmed(value):
    return value is not None and value.strip() and value != value.strip()


def _id_otherwise_fine(model, param, raw) -> bool:
    """The official check reports an untrimmed id only when nothing else is wrong with it."""
    number = read_id(raw)
    if not number.ok or number.leading_zero:
        return False
    return id_range_problem(model, int(number.digits) if len(number.digits) <= 9 else 10 ** 9, param) is None


def check(model):
    document = model.document
    for param in model.all_params:
        if _untrimmed(param.get("id")) and _id_otherwise_fine(model, param, param.get("id")):
            yield Problem(param, f"{param_label(param)} has an untrimmed id '{param.get('id')}'", attribute="id",
                          official="2.1.13", fix=Fix.of(trim_attribute(document, param, "id"), message="trim the id"))
        type_element = model.type_of(param)
        if type_element is None:
            continue
        if _untrimmed(type_element.text) and not len(type_element):
            yield Problem(type_element, f"{param_label(param)} has an untrimmed Type '{type_element.text}'",
                          official="2.61.3", fix=Fix.of(trim_text(document, type_element), message="trim the type"))
        if _untrimmed(type_element.get("id")):
            yield Problem(type_element, f"{param_label(param)} has an untrimmed Type@id '{type_element.get('id')}'",
                          attribute="id", official="2.62.2",
                          fix=Fix.of(trim_attribute(document, type_element, "id"), message="trim Type@id"))
