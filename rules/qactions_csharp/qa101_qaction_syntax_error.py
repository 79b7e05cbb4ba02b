"""## What it does
Parses the C# of every QAction (`encoding="csharp"`) and reports the ones that do not
parse: a missing `;`, `}` or `)`, a stray token, code cut off. The finding points at the
first syntax error; every other one is listed with it.

This is the part of the official `QActionCompilation` check that a syntax tree can
decide. Errors only a compiler finds (an unknown method or type, a wrong argument type,
C# newer than the QAction's compiler accepts) are not reported. Code in an inactive
`#if` branch is not parsed, as the compiler skips it too.

## Why is this bad
DataMiner compiles each QAction when the element starts; a QAction that does not compile
never runs, and every feature behind it silently stops working. The official validator
also checks nothing else in a QAction that does not compile; neither does dmlint.

## Example
```xml
<QAction id="10" name="Poll" encoding="csharp" triggers="10"><![CDATA[
public class QAction
{
    public static void Run(SLProtocol protocol)
    {
        protocol.SetParameter(Parameter.status, "OK")
    }
}]]></QAction>
```

## Use instead
```xml
<QAction id="10" name="Poll" encoding="csharp" triggers="10"><![CDATA[
public class QAction
{
    public static void Run(SLProtocol protocol)
    {
        protocol.SetParameter(Parameter.status, "OK");
    }
}]]></QAction>
```
"""

CODE = "QA101"
NAME = "qaction-syntax-error"
SEVERITY = "error"
SUMMARY = "A QAction's C# code does not parse"


def check(model):
    return model.csharp.problems_for(CODE)
