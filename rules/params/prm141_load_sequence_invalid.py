"""## What it does
Checks `Params@loadSequence`, the parameters DataMiner loads first when an element starts
(ids separated by `;`): it must not be empty, every id must name an existing parameter
(written exactly), every such parameter must be saved (`save="true"`: only saved values
exist when the element starts), and the attribute must have no spaces around it.

The official severities are Warning (empty, spaces) and Major; dmlint reports warnings and
errors.

## Why is this bad
The load sequence exists to restore settings before anything else runs; an id that names
nothing or an unsaved parameter (which has no value yet) makes it do nothing.

## Example
```xml
<Params loadSequence="10;11">
  <Param id="10"><Name>Mode</Name>...</Param>  <!-- not saved -->
```

## Use instead
```xml
<Params loadSequence="10;11">
  <Param id="10" save="true"><Name>Mode</Name>...</Param>
```

## Fix safety
Safe: the fix removes the spaces around the value; the ids stay as they are. The other mistakes
get no fix.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.values import BOOL, attribute_value

CODE = "PRM141"
NAME = "load-sequence-invalid"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "Params@loadSequence is empty, untrimmed or names missing or unsaved parameters"


def check(model):
    block = model.first(model.root, "Params")
    value = attribute_value(block, "loadSequence")
    if value.missing:
        return
    if value.empty:
        yield Problem(block, "Params@loadSequence is empty", attribute="loadSequence", official="2.56.1")
        return
    links = model.links
    for token in value.text.split(";"):
        referenced = links.param(token)
        if referenced is None:
            yield Problem(block, f"Params@loadSequence names Param '{token}', which does not exist",
                          attribute="loadSequence", official="2.56.3")
        elif attribute_value(referenced, "save", BOOL).value is not True:
            yield Problem(block, f"Params@loadSequence loads Param {token}, which is not saved: add save=\"true\" "
                                 f"to it", attribute="loadSequence", official="2.56.5")
    if value.untrimmed:
        yield Problem(block, f"Params@loadSequence has spaces around its value '{value.raw}'",
                      attribute="loadSequence", official="2.56.2",
                      fix=Fix.of(trim_attribute(model.document, block, "loadSequence"),
                                 message="trim the load sequence"))
