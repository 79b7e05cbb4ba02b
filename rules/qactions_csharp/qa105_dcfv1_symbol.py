"""## What it does
Reports every use of the `DCFv1` preprocessor symbol in a QAction: `#define DCFv1`,
`#if DCFv1` (also inside a skipped `#if` branch), and comment lines that still mention
`DCFv1` (`//` comments, and each line of a `/* */` comment; documentation comments and
skipped code are not read).

DataMiner defines `DCFv1`, `ALARM_SQUASHING` and `DBInfo` for every QAction; dmlint
evaluates `#if`/`#elif`/`#else` with those symbols and the QAction's own
`#define`/`#undef`, as the compiler does.

## Why is this bad
The symbol let QActions support DataMiner versions without DCF. Every supported version
has DCF, so the symbol only keeps dead branches around and makes problems harder to
find; the official guidance is to remove it, commented-out uses included.

## Example
```csharp
#if DCFv1
    protocol.SetParameter(Parameter.connections, connections);
#endif
```

## Use instead
```csharp
protocol.SetParameter(Parameter.connections, connections);
```
"""

CODE = "QA105"
NAME = "dcfv1-symbol"
SEVERITY = "warning"
SUMMARY = "A QAction still uses the obsolete DCFv1 preprocessor symbol"


def check(model):
    return model.csharp.problems_for(CODE)
