"""## What it does
Reports `protocol.CheckTrigger(id)` calls whose id (as the code states it) names no
`Protocol/Triggers/Trigger`.

## Why is this bad
`CheckTrigger` runs the actions of that trigger; when there is no such trigger, nothing
happens and the QAction's follow-up work is silently skipped.

## Example
```csharp
protocol.CheckTrigger(12);  // there is no Trigger 12
```

## Use instead
```xml
<Triggers><Trigger id="12">...</Trigger></Triggers>
```
"""

CODE = "QA120"
NAME = "check-trigger-missing"
SEVERITY = "error"
SUMMARY = "A QAction checks a trigger the protocol does not have"


def check(model):
    return model.csharp.problems_for(CODE)
