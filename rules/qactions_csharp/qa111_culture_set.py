"""## What it does
Reports assignments to `CultureInfo.DefaultThreadCurrentCulture`, and to
`Thread.CurrentThread.CurrentCulture` or `.CurrentUICulture` (also through a local
variable holding `Thread.CurrentThread`). Types of the code's own named `Thread` or
`CultureInfo` are not .NET's and are left alone.

## Why is this bad
QActions run on threads of SLScripting that run the QActions of other elements too:
changing their culture changes how those QActions format and parse numbers and dates.
Pass a `CultureInfo` to the formatting and parsing calls instead.

## Example
```csharp
Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
double value = double.Parse(raw);
```

## Use instead
```csharp
double value = double.Parse(raw, CultureInfo.InvariantCulture);
```
"""

CODE = "QA111"
NAME = "culture-set"
SEVERITY = "error"
SUMMARY = "A QAction changes the culture of a thread it does not own"


def check(model):
    return model.csharp.problems_for(CODE)
