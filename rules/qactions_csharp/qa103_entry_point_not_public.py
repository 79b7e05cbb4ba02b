"""## What it does
Checks that the classes holding a triggered QAction's entry points, and the entry point
methods themselves, are `public`. Every declaration of a class named by an entry point
is checked (each part of a partial class too).

## Why is this bad
DataMiner looks the entry point up by reflection on the public members of the QAction's
assembly: a `private`, `internal` or unmarked class or method is not found and the
QAction never runs.

## Example
```csharp
class QAction
{
    static void Run(SLProtocol protocol) { }
}
```

## Use instead
```csharp
public class QAction
{
    public static void Run(SLProtocol protocol) { }
}
```
"""

CODE = "QA103"
NAME = "entry-point-not-public"
SEVERITY = "error"
SUMMARY = "A QAction's entry point, or the class holding it, is not public"


def check(model):
    return model.csharp.problems_for(CODE)
