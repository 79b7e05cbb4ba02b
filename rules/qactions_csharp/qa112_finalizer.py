"""## What it does
Reports classes in QAction code that declare a finalizer (`~Name()`).

## Why is this bad
Finalizers run on the garbage collector's thread at an unknown time; an exception in one
terminates the process, and in SLScripting that stops every QAction of every element.
Release resources deterministically with `IDisposable` and `using` instead.

## Example
```csharp
public class Connection
{
    ~Connection() { socket.Close(); }
}
```

## Use instead
```csharp
public sealed class Connection : IDisposable
{
    public void Dispose() { socket.Close(); }
}
```
"""

CODE = "QA112"
NAME = "finalizer"
SEVERITY = "error"
SUMMARY = "A class in a QAction declares a finalizer"


def check(model):
    return model.csharp.problems_for(CODE)
