"""## What it does
Checks the settings DataMiner expects on a matrix parameter (`Measurement/Type` `matrix`):

- the matrix (not its write parameter) is alarmed: `Alarm/Monitored` is `true`;
- it is not trended (`trending="true"`);
- its write parameter has no `setter="true"`.

## Why is this bad
DataMiner keeps the crosspoint state of a matrix through its alarming; without it the matrix
state is not kept. A matrix cannot be trended, and a setter on its write parameter makes
every set overwrite the read matrix with the requested rather than the actual state.

## Example
```xml
<Param id="1000" trending="true"><Name>Router</Name><Type options="...">array</Type>
  <Measurement><Type options="matrix=...">matrix</Type></Measurement></Param>
```

## Use instead
```xml
<Param id="1000" trending="false"><Name>Router</Name><Type options="...">array</Type>
  <Alarm><Monitored>true</Monitored></Alarm>
  <Measurement><Type options="matrix=...">matrix</Type></Measurement></Param>
```

## Fix safety
Unsafe, each of them: the fix removes `trending` from a matrix, sets Alarm/Monitored to true
(adding the Monitored, or an Alarm with it, when missing), or removes `setter` from the matrix's
write parameter. Each changes what the element does.
"""

from dmlint.core.fixes import UNSAFE, Fix, remove_attribute
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.values import BOOL, attribute_value, element_value
from dmlint.rules.params._fixes import monitor_alarm

CODE = "PRM110"
NAME = "matrix-settings"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "A matrix is not alarmed, is trended, or its write parameter has a setter"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if model.measurement_kind(element) != "matrix":
                continue
            kind = text_of(param.type_element)
            if attribute_value(element, "trending", BOOL).value is True:
                yield Problem(element, f"matrix Param {pid} is trended: a matrix cannot be trended",
                              attribute="trending", official="2.37.6",
                              fix=Fix.of(remove_attribute(model.document, element, "trending"), safety=UNSAFE,
                                         message="remove trending"))
            alarm = model.first(element, "Alarm")
            monitored = model.first(alarm, "Monitored")
            if element_value(monitored, BOOL).value is not True and kind != "write":
                yield Problem(element, f"matrix Param {pid} is not alarmed: set Alarm/Monitored to true",
                              official="2.37.5",
                              fix=Fix.of(monitor_alarm(model.document, element, alarm, monitored), safety=UNSAFE,
                                         message="set Alarm/Monitored to true"))
            if attribute_value(element, "setter", BOOL).value is True and kind == "write":
                yield Problem(element, f"matrix write Param {pid} has setter=\"true\": remove it", attribute="setter",
                              official="2.37.7",
                              fix=Fix.of(remove_attribute(model.document, element, "setter"), safety=UNSAFE,
                                         message="remove setter"))
