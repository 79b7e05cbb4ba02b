"""## What it does
Reports raw `protocol.NotifyProtocol(type, ...)` and `protocol.NotifyDataMiner(type, ...)`
calls whose type (a number, a constant or a `NotifyType` member the code states) has a
dedicated `SLProtocol` method, or is no longer recommended:

- `NotifyProtocol` NT_GET_DATA (60), NT_GET_PARAMETER (73), NT_SET_PARAMETER_BY_NAME (84),
  NT_GET_PARAMETER_BY_NAME (85), NT_SET_PARAMETER_BY_DATA (86), NT_GET_PARAMETER_BY_DATA
  (87), NT_GET_ITEM_DATA (88), NT_SET_ITEM_DATA (89), NT_GET_DESCRIPTION (77),
  NT_GET_PARAMETER_INDEX (122), NT_NOTIFY_DISPLAY (123), NT_SET_DESCRIPTION (131),
  NT_CHECK_TRIGGER (134), NT_ADD_ROW (149), NT_DELETE_ROW (156), NT_GET_KEY_POSITION
  (163), NT_ARRAY_ROW_COUNT (195), NT_GET_ROW (215), NT_SET_ROW (225),
  NT_SET_PARAMETER_WITH_HISTORY (256);
- `NotifyDataMiner(Queued)` NT_GET_REMOTE_TREND (216) and NT_GET_REMOTE_TREND_AVG (260).

## Why is this bad
The raw calls take untyped `object` arguments whose layout differs per type: mistakes
compile and fail at run time. The `SLProtocol` methods (`GetParameter`, `SetRow`,
`DeleteRow`, `GetKeyPosition`, ...) are typed, documented and kept compatible.

## Example
```csharp
protocol.NotifyProtocol(156 /*NT_DELETE_ROW*/, Parameter.Interfaces.tablePid, key);
```

## Use instead
```csharp
protocol.DeleteRow(Parameter.Interfaces.tablePid, key);
```
"""

CODE = "QA108"
NAME = "notify-call-superseded"
SEVERITY = "warning"
SUMMARY = "A QAction uses a raw NotifyProtocol/NotifyDataMiner call that has a dedicated method"


def check(model):
    return model.csharp.problems_for(CODE)
