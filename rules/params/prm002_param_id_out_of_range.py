"""## What it does
Checks that parameter ids stay out of the ranges DataMiner keeps for itself:
0, 64 300 to 69 999, 100 000 to 999 999, and 10 000 000 and above. Allowed ranges
are 1 to 64 299, 70 000 to 99 999 and 1 000 000 to 9 999 999, with two more
restrictions: 64 000 to 64 299 only in spectrum analyzer protocols
(`Display@type="spectrum analyzer"`, which in turn must not use 50 000 to 60 000), and
70 000 to 79 999 only in mediation protocols (`Protocol/BaseFor`).

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
from dmlint.model.reserved import id_range_problem

CODE = "PRM002"
NAME = "param-id-out-of-range"
SEVERITY = "error"
SUMMARY = "A Param id lies in a range reserved for DataMiner, spectrum or mediation protocols"


def check(model):
    for param in model.all_params:
        number = read_id(param.get("id"))
        if not number.ok or number.leading_zero:
            continue  # PRM001
        value = int(number.digits) if len(number.digits) <= 9 else 10 ** 9
        problem = id_range_problem(model, value, param)
        if problem is not None:
            code, what = problem
            yield Problem(param, f"{param_label(param)} uses id {number.digits}, which {what}", attribute="id",
                          official=code)
