"""## What it does
Reads the `Condition` of every Action, Group, Pair, QAction, Timer and Trigger as DataMiner
does and reports one that cannot work:

- it is empty;
- it cannot be read: unbalanced parentheses, an operator without an operand on one side,
  two operands without an operator between them, an operand that is not `id:N`, a number,
  a `"string"`, `empty` or `emptystring`, a parenthesised group glued to other text;
- its types do not fit: `+` between a string and a number, `-`, `*` or `/` on a string,
  a string that is no number compared with a number, `AND`/`OR` between operands that are
  not comparisons, two comparisons in one member, a whole condition that is not a
  comparison, a parameter without `Interprete/Type` (its value type is unknown).

The value type of `id:N` comes from the parameter: `Interprete/Type` `double` or
`high nibble` is a number, `string` a string, a table is no value at all. An `id:N` naming
no parameter is COND002's; the first problem of a condition is the one reported.

## Why is this bad
DataMiner evaluates the condition each time the element would run; one it cannot read or
evaluate is false (or throws), so the action, group, pair, QAction, timer or trigger
silently never runs, or runs when it should not.

## Example
```xml
<Action id="2">
  <Condition><![CDATA[((id:12 + "efg") + 10) == "defefgabc"]]></Condition>  <!-- 12 is a string -->
</Action>
<Group id="3"><Condition></Condition></Group>
```

## Use instead
```xml
<Action id="2">
  <Condition><![CDATA[(id:12 + "efg") == "defefgabc"]]></Condition>
</Action>
<Group id="3"><Condition><![CDATA[id:10 > 0]]></Condition></Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.conditions._common import near, official

CODE = "COND001"
NAME = "condition-invalid"
SEVERITY = "error"
SUMMARY = "A condition is empty, cannot be read, or combines values of the wrong types"


def check(model):
    issues = model.condition_issues
    for issue in issues.get("empty", ()):
        site = issue.site
        yield Problem(site.element, f"The condition of {site.label} is empty: write an expression or remove "
                                    f"the <Condition>", official=official(site, "InvalidCondition"))
    for issue in issues.get("invalid", ()):
        site = issue.site
        yield Problem(site.element, f"The condition of {site.label} cannot work: {issue.message}{near(issue)}",
                      official=official(site, "InvalidCondition"))
