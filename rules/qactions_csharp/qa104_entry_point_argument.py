"""## What it does
Checks that the first parameter of every entry point method of a triggered QAction is
an `SLProtocol` or `SLProtocolExt` (`Skyline.DataMiner.Scripting`), and that there is
one.

## Why is this bad
DataMiner passes the protocol object as the first argument of the entry point; a method
without it, or with another first parameter, cannot be called and the QAction fails
every time it is triggered.

## Example
```csharp
public class QAction
{
    public static void Run(object protocol) { }
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

CODE = "QA104"
NAME = "entry-point-argument"
SEVERITY = "error"
SUMMARY = "A QAction's entry point does not take the SLProtocol as its first argument"


def check(model):
    return model.csharp.problems_for(CODE)
