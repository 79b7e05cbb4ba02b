"""## What it does
Reports a parameter that something in the protocol shows or works on in the element, while its
`Display/RTDisplay` is not `true`. Those places are, among others: an alarmed
(`Alarm/Monitored`) or trended (`trending="true"`) parameter, a position on a page, a
virtual source, `Dependencies`, a context menu or QAction feedback parameter, a parameter
referred to by `Alarm/Monitored@disabledIf`, `Alarm@options` (thresholds, properties),
`Discreets@dependencyId`, `Discreet@dependencyValues`, `Params@loadSequence`, the columns a
displayed table shows (`Measurement/Type@options`) or gives a display option
(`ColumnOption@options`), the key column of a foreign key's table, page visibility and web
pages (`Display`), DVE export tables, relations and tree controls. The finding lists every
such place as a related location.

Parameters exported to a DVE child protocol (`Param@export`) are left out: they are checked
in the exported protocol.

## Why is this bad
Without RTDisplay the parameter does not exist in the element for the client: its alarms,
trends, positions, drop-downs and references silently stop working.

## Example
```xml
<Param id="10"><Name>Temperature</Name>...
  <Alarm><Monitored>true</Monitored></Alarm>
</Param>
```

## Use instead
```xml
<Param id="10"><Name>Temperature</Name>...
  <Display><RTDisplay>true</RTDisplay>...</Display>
  <Alarm><Monitored>true</Monitored></Alarm>
</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.params import param_label
from dmlint.model.rtdisplay import rtdisplay_value, will_be_exported

CODE = "PRM102"
NAME = "rtdisplay-expected"
SEVERITY = "error"
SUMMARY = "A parameter that is shown, alarmed, trended or referred to by a display feature lacks RTDisplay true"


def check(model):
    for element, reasons in model.rtdisplay.demands.items():
        if not reasons or rtdisplay_value(model, element) or will_be_exported(element):
            continue
        why = "; ".join(dict.fromkeys(reason.note for reason in reasons))
        yield Problem(element, f"{param_label(element)} needs Display/RTDisplay true: {why}",
                      official="2.7.4",
                      related=tuple((reason.element, f"{reason.note} ({reason.code})") for reason in reasons))
