"""## What it does
Reports `protocol.GetParameters(ids)` calls whose argument is not a `uint[]` (an
`int[]`, an `object[]`, a single number, ...), as far as the code states it. Collections
and other objects whose type the analysis cannot read are left alone.

## Why is this bad
`GetParameters` takes its ids as an `object` and only reads a `uint[]`; anything else
fails at run time instead of at compile time.

## Example
```csharp
object[] values = (object[])protocol.GetParameters(new int[] { Parameter.a, Parameter.b });
```

## Use instead
```csharp
object[] values = (object[])protocol.GetParameters(new uint[] { Parameter.a, Parameter.b });
```
"""

CODE = "QA116"
NAME = "get-parameters-ids-type"
SEVERITY = "error"
SUMMARY = "protocol.GetParameters is not given its ids as a uint[]"


def check(model):
    return model.csharp.problems_for(CODE)
