"""## What it does
Checks that every entry point a triggered QAction declares exists in its C# code: the
class and method named by `QAction@entryPoint` (`Method` is `QAction.Method`,
`Class.Method` names both; several are separated by `;`), or `QAction.Run` when the
attribute is absent. A class is matched by its own name, whatever its namespace.

QActions without `triggers` (a precompiled library) have no entry point and are not
checked.

## Why is this bad
DataMiner calls the entry point when the QAction is triggered; when the method is not
there the QAction is never run and the element logs an error each time it is triggered.

## Example
```xml
<QAction id="10" name="Poll" encoding="csharp" triggers="10" entryPoint="Process"><![CDATA[
public class QAction
{
    public static void Run(SLProtocol protocol) { }
}]]></QAction>
```

## Use instead
```xml
<QAction id="10" name="Poll" encoding="csharp" triggers="10" entryPoint="Process"><![CDATA[
public class QAction
{
    public static void Process(SLProtocol protocol) { }
}]]></QAction>
```
"""

CODE = "QA102"
NAME = "entry-point-missing"
SEVERITY = "error"
SUMMARY = "A QAction's entry point method does not exist in its code"


def check(model):
    return model.csharp.problems_for(CODE)
