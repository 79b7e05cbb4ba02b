"""## What it does
Checks `Param@id` on every `Protocol/Params/Param`: it must be present, not empty,
and a plain unsigned integer (digits only: no sign, no leading zero, no spaces
inside, no exponent).

## Why is this bad
The id is how DataMiner, QActions, conditions and every other reference find the
parameter. A parameter without a valid id cannot be stored, polled or referenced;
`007` and `7` are the same parameter for some components and different ones for
others.

## Example
```xml
<Param id="012"><Name>Uptime</Name>...</Param>
<Param><Name>Status</Name>...</Param>
```

## Use instead
```xml
<Param id="12"><Name>Uptime</Name>...</Param>
<Param id="13"><Name>Status</Name>...</Param>
```
"""

from dmlint.core.ids import read_id
from dmlint.core.problem import Problem
from dmlint.model.params import param_label

CODE = "PRM001"
NAME = "param-id-invalid"
SEVERITY = "error"
SUMMARY = "A Param has no id, an empty id or an id that is not a plain number"


def check(model):
    for param in model.all_params:
        raw = param.get("id")
        if raw is None:
            yield Problem(param, f"{param_label(param)} has no id attribute", official="2.1.1")
        elif not raw.strip():
            yield Problem(param, f"{param_label(param)} has an empty id", attribute="id", official="2.1.2")
        elif not read_id(raw.strip()).plain:
            yield Problem(param, f"{param_label(param)} has id '{raw.strip()}', which is not a plain unsigned "
                                 f"number (digits only, no leading zero)", attribute="id", official="2.1.3")
