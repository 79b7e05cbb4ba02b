"""## What it does
Checks `Discreet@dependencyValues`: when present it must not be empty and must have no
spaces around its value; on a context menu (a parameter named `..._ContextMenu`) every
parameter it asks for (`PID` or `PID?`, before an optional `:default`) and every parameter a
default refers to (`[value:PID]`) must exist.

The official severities are Warning (empty, spaces) and Major (missing parameter); dmlint
reports warnings and an error.

## Why is this bad
The context menu asks the operator for those parameters' values (or fills them in); one that
does not exist makes the menu entry fail when it is used.

## Example
```xml
<Param id="999"><Name>Table_ContextMenu</Name>...
  <Discreet dependencyValues="1002;1003:[value:1004]"><Display>Add</Display><Value>1</Value></Discreet>
```

## Use instead
Point every id at an existing parameter (and give those parameters RTDisplay).
"""

from dmlint.core.problem import Problem
from dmlint.model.options import dependency_value_ids
from dmlint.model.rtdisplay import is_context_menu
from dmlint.model.values import attribute_value

CODE = "PRM146"
NAME = "dependency-values-invalid"
SEVERITY = "warning"
SUMMARY = "Discreet@dependencyValues is empty, untrimmed, or a context menu names parameters that do not exist"

def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            menu = None
            for discreet in model.discreets(param.element):
                value = attribute_value(discreet, "dependencyValues")
                if value.missing:
                    continue
                if value.empty:
                    yield Problem(discreet, f"a Discreet of Param {pid} has an empty dependencyValues",
                                  attribute="dependencyValues", official="2.59.1")
                    continue
                if menu is None:
                    menu = is_context_menu(model, param.element)
                if menu:
                    for token in dependency_value_ids(value.text):
                        if links.param(token) is None:
                            yield Problem(discreet, f"context menu Param {pid} asks for Param '{token}', which does "
                                                    f"not exist", attribute="dependencyValues", official="2.59.3")
                if value.untrimmed:
                    yield Problem(discreet, f"a Discreet of Param {pid} has spaces around its dependencyValues "
                                            f"'{value.raw}'", attribute="dependencyValues", official="2.59.2")
