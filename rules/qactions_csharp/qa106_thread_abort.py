"""## What it does
Reports calls to `Thread.Abort()` (no arguments) on a `System.Threading.Thread` in a
QAction.

## Why is this bad
Aborting a thread throws inside whatever it is doing, finally blocks and locks
included: it can leave SLScripting, which runs every QAction of every element, in a
corrupt state. .NET itself deprecates it.

## Example
```csharp
worker.Abort();
```

## Use instead
```csharp
cancellation.Cancel();  // the worker checks its CancellationToken and returns
worker.Join();
```
"""

CODE = "QA106"
NAME = "thread-abort"
SEVERITY = "warning"
SUMMARY = "A QAction calls Thread.Abort()"


def check(model):
    return model.csharp.problems_for(CODE)
