"""## What it does
Checks that parameter ids stay out of the ranges DataMiner keeps for itself:
0, 64 300 to 69 999, 100 000 to 999 999, and 10 000 000 and above. Allowed ranges
are 1 to 64 299, 70 000 to 99 999 and 1 000 000 to 9 999 999 (the official validator
further restricts 64 000 to 64 299 and 70 000 to 79 999 to spectrum and mediation
protocols; dmlint does not check those two).

## Why is this bad
DataMiner creates its own parameters in the reserved ranges on every element; a
protocol parameter with such an id collides with them, and its values are
overwritten or never shown.

## Example
```xml
<Param id="65000"><Name>Status</Name>...</Param>
```

## Use instead
```xml
<Param id="1000"><Name>Status</Name>...</Param>
```
"""

from dmlint.core.ids import read_id
from dmlint.core.problem import Problem
from dmlint.model.params import param_label

CODE = "PRM002"
NAME = "param-id-out-of-range"
SEVERITY = "error"
SUMMARY = "A Param id lies in a range reserved for DataMiner"


def reserved(digits: str) -> bool:
    """Canonical digits of an id in a reserved range (any length: 10,000,000 and up is reserved)."""
    if len(digits) > 8:
        return True
    pid = int(digits)
    return pid == 0 or 64300 <= pid < 70000 or 100000 <= pid < 1000000 or pid >= 10000000


def check(model):
    for param in model.all_params:
        pid = read_id(param.get("id"))
        if not pid.ok:
            continue  # PRM001
        if reserved(pid.digits):
            yield Problem(param, f"{param_label(param)} uses id {pid.digits}, which is reserved for DataMiner "
                                 f"(0, 64300-69999, 100000-999999, 10000000 and up)", attribute="id")
