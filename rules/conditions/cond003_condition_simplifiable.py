"""## What it does
Reports a `Condition` (of an Action, Group, Pair, QAction, Timer or Trigger) with a part
that reads no parameter: a comparison or value made only of constants, such as
`("test")` in `id:12 == ("test")` or `1 == 1` in `id:10 > 0 AND 1 == 1`. Its value is
known when the protocol is written, so it can be written out. Reported once per
condition.

## Why is this bad
A constant part is either noise (a leftover of debugging, a needless pair of
parentheses) or a mistake: `1 == 1` makes an AND pointless and an OR always true, so the
condition does not guard what its author meant it to.

## Example
```xml
<Group id="1"><Condition><![CDATA[id:12 == ("test")]]></Condition></Group>
```

## Use instead
```xml
<Group id="1"><Condition><![CDATA[id:12 == "test"]]></Condition></Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.conditions._common import near, official

CODE = "COND003"
NAME = "condition-simplifiable"
SEVERITY = "warning"
SUMMARY = "A condition has a part that reads no parameter and can be written out"


def check(model):
    for issue in model.condition_issues.get("simplifiable", ()):
        site = issue.site
        yield Problem(site.element, f"The condition of {site.label} has a constant part, '{issue.message}', that "
                                    f"reads no parameter: simplify it{near(issue)}",
                      official=official(site, "ConditionCanBeSimplified"))
