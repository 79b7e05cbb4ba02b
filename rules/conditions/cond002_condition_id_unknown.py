"""## What it does
Reports an `id:N` in the `Condition` of an Action, Group, Pair, QAction, Timer or Trigger
that names no `Params/Param`. DataMiner's general parameters (65000 and up, e.g. 65008,
the element's alarm state) exist in every element and are accepted. Only the first
unknown id of a condition is reported (the condition is read up to there).

## Why is this bad
A condition reading a parameter that does not exist can never be evaluated: whatever it
guards never runs (or always runs), without any error at run time.

## Example
```xml
<Trigger id="1">
  <Condition><![CDATA[id:10 == 1]]></Condition>  <!-- no Param 10 -->
</Trigger>
```

## Use instead
```xml
<Trigger id="1">
  <Condition><![CDATA[id:11 == 1]]></Condition>
</Trigger>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.conditions._common import near, official

CODE = "COND002"
NAME = "condition-id-unknown"
SEVERITY = "error"
SUMMARY = "A condition reads a parameter that does not exist"


def check(model):
    for issue in model.condition_issues.get("missing", ()):
        site = issue.site
        detail = "" if model.has_params_block else " (the protocol has no <Params>)"
        yield Problem(site.element, f"The condition of {site.label} reads id:{issue.pid}, but there is no Param "
                                    f"{issue.pid}{detail}{near(issue)}", official=official(site, "NonExistingId"))
