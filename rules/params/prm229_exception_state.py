"""## What it does
Checks `state` on the `Display` of every `Interprete/Exceptions/Exception`: it must be
present, not empty, `disabled` or `enabled`, without spaces around it; and `enabled`
is discouraged.

## Why is this bad
`disabled` greys the value out, which is how operators see at a glance that the
parameter holds no real measurement. Without it (or with `enabled`) a special value such
as -1 looks like a valid reading.

The official severity is Warning; dmlint reports a warning.

## Example
```xml
<Exception id="1" value="-1"><Display>N/A</Display><Value>-1</Value></Exception>
```

## Use instead
```xml
<Exception id="1" value="-1"><Display state="disabled">N/A</Display><Value>-1</Value></Exception>
```

## Fix safety
Untrimmed state: safe, the fix removes the spaces. Missing, empty, invalid or enabled state: unsafe,
the fix writes state="disabled", which changes how the special value is shown.
"""

from dmlint.core.fixes import UNSAFE, Fix, set_attribute, trim_attribute
from dmlint.core.problem import Problem

CODE = "PRM229"
NAME = "exception-state"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "An exception's Display@state is missing, empty, invalid, untrimmed or enabled"

STATES = ("disabled", "enabled")


def check(model):
    for group in model.params.values():
        for param in group:
            exceptions = model.follow(param.element, "Interprete", "Exceptions")
            for exception in model.all(exceptions, "Exception"):
                display = model.first(exception, "Display")
                if display is None:
                    continue
                label = f"an exception of Param {param.id} ({param.name})"
                raw = display.get("state")
                if raw is None:
                    yield Problem(display, f"{label} has no Display@state: add state=\"disabled\"", official="2.75.2",
                              fix=_disabled(model, display))
                    continue
                value = raw.strip()
                if not value:
                    yield Problem(display, f"{label} has an empty Display@state", attribute="state", official="2.75.3",
                                  fix=_disabled(model, display))
                elif value not in STATES:
                    yield Problem(display, f"{label} has Display@state '{value}', which is neither disabled nor "
                                           f"enabled", attribute="state", official="2.75.4",
                                  fix=_disabled(model, display))
                elif value == "enabled":
                    yield Problem(display, f"{label} has Display@state enabled; use disabled so the special value "
                                           f"looks different from a reading", attribute="state", official="2.75.1",
                                  fix=_disabled(model, display))
                elif raw != value:
                    yield Problem(display, f"{label} has spaces around Display@state '{raw}'", attribute="state",
                                  official="2.75.5",
                                  fix=Fix.of(trim_attribute(model.document, display, "state"),
                                             message="trim the state"))


def _disabled(model, display):
    return Fix.of(set_attribute(model.document, display, "state", "disabled"), safety=UNSAFE,
                  message="write state=\"disabled\"")
