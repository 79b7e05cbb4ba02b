"""## What it does
Checks `Param/Type@id`, whose meaning depends on the type:

- `read bit` / `write bit`: the id of the parameter the bits are taken from or
  written to; required.
- `response`: the id of the `Response` the parameter stands for; required.
- `array`: the ids of the table's columns, separated by `;`; each must be a parameter
  (an id of a parameter's `duplicateAs` counts; an empty part between two `;` does not).

The attribute must not be empty when present, and every id must exist, written as
DataMiner writes ids (`10`, not `010` or ` 10`).

## Why is this bad
A bit parameter without its source parameter never gets a value, and a table that
lists a missing column shifts or drops columns at runtime.

## Example
```xml
<Param id="11"><Name>Alarm bit</Name><Type id="10">read bit</Type>...</Param>
<!-- no Param 10 -->
```

## Use instead
```xml
<Param id="10"><Name>Alarm register</Name><Type>read</Type>...</Param>
<Param id="11"><Name>Alarm bit</Name><Type id="10">read bit</Type>...</Param>
```
"""

from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem

CODE = "PRM007"
NAME = "param-type-id"
SEVERITY = "error"
SUMMARY = "Param/Type@id is missing or names a parameter, column or response that does not exist"

REQUIRED = ("read bit", "write bit", "response")


def check(model):
    responses = None
    for entry in model.param_types:
        type_element, kind = entry.element, entry.kind
        if type_element is None:
            continue
        raw = type_element.get("id")
        if raw is None:
            if kind in REQUIRED:
                yield Problem(type_element, f"{entry.label} is a '{kind}' parameter without Type@id",
                              official="2.62.6")
            continue
        if not raw.strip():
            yield Problem(type_element, f"{entry.label} has an empty Type@id", attribute="id", official="2.62.1")
        elif kind == "array":
            for token in raw.strip().split(";"):
                if model.param_by_key(token) is None:
                    yield Problem(type_element, f"table {entry.label} lists column '{token}' in Type@id, which is "
                                                f"no Param", attribute="id", official="2.62.5")
        elif kind in ("read bit", "write bit"):
            if model.param_by_key(raw.strip()) is None:
                yield Problem(type_element, f"{entry.label} takes its bits from Param {raw.strip()}, which does "
                                            f"not exist", attribute="id", official="2.62.3")
        elif kind == "response":
            if responses is None:
                responses = model.response_ids
            if normalize_id(raw) not in responses:
                yield Problem(type_element, f"{entry.label} stands for Response {raw.strip()}, which does not "
                                            f"exist", attribute="id", official="2.62.4")
