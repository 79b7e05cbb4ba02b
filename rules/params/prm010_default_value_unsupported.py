"""## What it does
Reports `Param/Interprete/DefaultValue` where DataMiner does not apply it: on a
parameter whose `Type` is not `read`, and on a table column.

## Why is this bad
The default value is only used to initialise standalone read parameters. Anywhere
else it is silently ignored, so the parameter starts empty while the protocol
suggests otherwise (for a write parameter, set the value from a QAction or use the
read parameter's default instead).

## Example
```xml
<Param id="20"><Name>Mode</Name><Type>write</Type>
  <Interprete><DefaultValue>1</DefaultValue>...</Interprete></Param>
```

## Use instead
```xml
<Param id="19"><Name>Mode</Name><Type>read</Type>
  <Interprete><DefaultValue>1</DefaultValue>...</Interprete></Param>
<Param id="20"><Name>Mode</Name><Type>write</Type>...</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM010"
NAME = "default-value-unsupported"
SEVERITY = "error"
SUMMARY = "Interprete/DefaultValue on a parameter that is not a standalone read parameter"


def check(model):
    column_ids = None
    for pid, group in model.params.items():
        for param in group:
            default = param.default_value_element
            if default is None:
                continue
            if column_ids is None:
                column_ids = model.columns
            if pid in column_ids:
                yield Problem(default, f"Param {pid} ({param.name}) is a table column; DataMiner ignores a "
                                       f"DefaultValue on columns", official="2.68.2")
            elif param.type_text != "read":
                kind = param.type_text or "(no type)"
                yield Problem(default, f"Param {pid} ({param.name}) is of type '{kind}'; DataMiner only applies "
                                       f"DefaultValue to read parameters", official="2.68.1")
