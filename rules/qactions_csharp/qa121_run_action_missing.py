"""## What it does
Reports `protocol.NotifyProtocol(221 /*NT_RUN_ACTION*/, id, null)` calls whose action id
(as the code states it) names no `Protocol/Actions/Action`.

## Why is this bad
The call runs nothing: the command is not sent, the group not polled, and no error says so.

## Example
```csharp
protocol.NotifyProtocol((int)NotifyType.NT_RUN_ACTION, 15, null);  // there is no Action 15
```

## Use instead
```xml
<Actions><Action id="15">...</Action></Actions>
```
"""

CODE = "QA121"
NAME = "run-action-missing"
SEVERITY = "error"
SUMMARY = "A QAction runs an action the protocol does not have"


def check(model):
    return model.csharp.problems_for(CODE)
