"""## What it does
Reports, as one finding, a `protocol.GetParameters(...)` call with more than one problem
of QA113/QA114 among its ids, and a `NotifyProtocol(220 /*NT_FILL_ARRAY_WITH_COLUMN*/, ...)`
call with more than one problem of QA113/QA114 (table and columns) or any missing
`historySet` (QA115). Each problem is listed with the finding (its related locations), as
the official validator lists them as sub-results of one result.

Its severity is `error`; upstream takes the most severe of the sub-results.

## Why is this bad
See QA113 (ids that name nothing), QA114 (ids written as numbers) and QA115 (time stamps
on parameters without `historySet`).

## Example
```csharp
protocol.GetParameters(new uint[] { 10, 20 });  // hard-coded, and 20 is not in the protocol
```

## Use instead
```csharp
protocol.GetParameters(new uint[] { Parameter.status, Parameter.mode });
```
"""

CODE = "QA119"
NAME = "call-problems-grouped"
SEVERITY = "error"
SUMMARY = "A GetParameters or NT_FILL_ARRAY_WITH_COLUMN call has several problems"


def check(model):
    return model.csharp.problems_for(CODE)
