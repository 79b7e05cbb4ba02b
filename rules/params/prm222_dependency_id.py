"""## What it does
Checks every `Param/Dependencies/Id` (the parameters a button or a write parameter sends
along): it must not be empty, must name an existing parameter (an id of a parameter's
`duplicateAs` counts) and must have no spaces around it.

## Why is this bad
DataMiner sends the current values of the dependencies with the set. A dependency that
names nothing is silently left out, so the QAction or device receives less than it
expects.

## Example
```xml
<Param id="200">
  <Name>Apply</Name><Type>write</Type>
  <Dependencies><Id>201</Id><Id>299</Id></Dependencies>  <!-- no Param 299 -->
</Param>
```

## Use instead
```xml
<Dependencies><Id>201</Id><Id>202</Id></Dependencies>
```

## Fix safety
Untrimmed id: safe, the fix removes the spaces. Empty id: unsafe, the fix removes the Id element
(and the whole Dependencies when all its ids are empty), an element DataMiner reads, though it names
nothing.
"""

from dmlint.core.fixes import UNSAFE, Fix, remove_element, trim_text
from dmlint.core.problem import Problem

CODE = "PRM222"
NAME = "dependency-id"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "A Param/Dependencies/Id is empty, untrimmed or names no parameter"


def check(model):
    for group in model.params.values():
        for param in group:
            dependencies = model.first(param.element, "Dependencies")
            if dependencies is None:
                continue
            label = f"Param {param.id} ({param.name})"
            for element in model.all(dependencies, "Id"):
                raw = element.text or ""
                value = raw.strip()
                if not value:
                    yield Problem(element, f"{label} has an empty Dependencies/Id", official="2.67.1",
                                  fix=_removed(model, dependencies, element))
                elif model.param_by_key(value) is None:
                    yield Problem(element, f"{label} depends on Param '{value}', which does not exist",
                                  official="2.67.3")
                elif raw != value:
                    yield Problem(element, f"{label} has spaces around Dependencies/Id '{raw}'", official="2.67.2",
                                  fix=Fix.of(trim_text(model.document, element), message="trim the id"))


def _removed(model, dependencies, element):
    """Remove the empty Id, or the whole Dependencies when it holds nothing but empty Ids."""
    kids = [kid for kid in dependencies if isinstance(kid.tag, str)]
    if all(kid.tag == element.tag and not (kid.text or "").strip() and not len(kid) for kid in kids):
        return Fix.of(remove_element(model.document, dependencies), safety=UNSAFE,
                      message="remove Dependencies (all its ids are empty)")
    return Fix.of(remove_element(model.document, element), safety=UNSAFE, message="remove the empty Id")
