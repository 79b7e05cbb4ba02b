"""## What it does
Reports a parameter with `Display/RTDisplay` set to `true` while nothing in the protocol shows
it or works on it in the element (no position, alarm, trend, dependency, display option or
reference that needs it; see PRM102 for the list). Left out: RTDisplay with
`onAppLevel="true"`, columns (and their write parameters) of a table that needs RTDisplay
but does not have it yet (PRM102 reports the table), and parameters exported to a DVE child
protocol (`Param@export`).

The official severity is Minor; dmlint reports a warning.

## Why is this bad
Every displayed parameter costs memory and traffic on every DataMiner client and agent. A
parameter that nobody can see or use is better kept internal.

## Example
```xml
<Param id="20"><Name>Buffer</Name><Type>read</Type>
  <Display><RTDisplay>true</RTDisplay></Display>
</Param>  <!-- no position, no alarm, no reference -->
```

## Use instead
```xml
<Param id="20"><Name>Buffer</Name><Type>read</Type>
  <Display><RTDisplay>false</RTDisplay></Display>
</Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.params import param_label
from dmlint.model.rtdisplay import rtdisplay_value, will_be_exported
from dmlint.model.values import BOOL, attribute_value

CODE = "PRM103"
NAME = "rtdisplay-unexpected"
SEVERITY = "warning"
SUMMARY = "Display/RTDisplay is true on a parameter that nothing shows or uses"


def check(model):
    demands = None
    for element in model.all_params:
        tag = model.follow(element, "Display", "RTDisplay")
        if tag is None or not rtdisplay_value(model, element):
            continue
        if demands is None:
            demands = model.rtdisplay.demands
        if element in demands:
            continue
        if attribute_value(tag, "onAppLevel", BOOL).value is True:
            continue
        table = model.links.table_of_read_or_write(element)
        if table is not None and table in demands and not rtdisplay_value(model, table):
            continue
        if will_be_exported(element):
            continue
        yield Problem(tag, f"{param_label(element)} has RTDisplay true but nothing shows or uses it: set it to false "
                           f"or give it a position", official="2.7.5")
