"""## What it does
Checks the arguments of the `NotifyDataMiner`/`NotifyProtocol` calls that act on other
elements, services or alarms, and reports the ones that do not say on which DataMiner
Agent that item lives (only when the code states the arguments):

- NT_SET_ELEMENT_STATE (115): an array of at least 4 items, the 4th a number;
- NT_SET_ALARM_STATE (116): an array of at least 3 items, the 3rd a number;
- NT_GET_PARAMETER (73): an array of at least 3 items, the 1st a number (a single number
  names a local parameter: use `GetParameter` for those);
- NT_ASSIGN_ALARM_TEMPLATE (117), NT_TRENDING_ASSIGN_TEMPLATE (14),
  NT_UPDATE_DESCRIPTION_XML (127), NT_ASSIGN_SIMULATION (76), NT_GET_VALUE (69),
  NT_GET_ALARM_INFO (48), NT_GET_ELEMENT_NAME (144): an array of at least 2 items, the 1st
  a number;
- NT_EDIT_PROPERTY (62): `ELEMENT:agent:element`, `SERVICE:agent:service` or
  `ALARM:agent:...` strings (one, or an array of them);
- NT_UPDATE_PORTS_XML (128): a string whose 4th `;` part is the agent id (or an array);
- NT_SERVICE_SET_VDX (232): an `agent/service` string;
- `NotifyProtocol` NT_SNMP_SET (292) and NT_SNMP_GET (295): an array of at least 8 items,
  the 8th a number.

## Why is this bad
Without the agent id the call only works while the item is on the agent running the
element: in a DataMiner System with several agents (and after a failover or a move) it
fails or acts on nothing. The official validator calls these calls "DELT incompatible".

## Example
```csharp
protocol.NotifyDataMiner(115 /*NT_SET_ELEMENT_STATE*/, new uint[] { elementId, 6, 1 }, null);
```

## Use instead
```csharp
protocol.NotifyDataMiner(115 /*NT_SET_ELEMENT_STATE*/, new uint[] { agentId, elementId, 6, 1 }, null);
```
"""

CODE = "QA109"
NAME = "remote-call-without-agent"
SEVERITY = "error"
SUMMARY = "A NotifyDataMiner/NotifyProtocol call on another element does not give its DataMiner Agent"


def check(model):
    return model.csharp.problems_for(CODE)
