"""## What it does
Reports a `button` parameter whose captions announce an action that deserves a confirmation
(reboot, restart, remove, delete, update, upgrade, shut down, stop, start, activate) while the
parameter has no `Message` (the confirmation text) and no `confirmPopup="always"`. One
finding per parameter, the captions as related locations.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
Without a confirmation, one misplaced click reboots the device or deletes its configuration.

## Example
```xml
<Param id="100"><Name>Reboot</Name><Type>write</Type>
  <Measurement><Type width="110">button</Type>
    <Discreets><Discreet><Display>Reboot</Display><Value>1</Value></Discreet></Discreets></Measurement></Param>
```

## Use instead
```xml
<Param id="100"><Name>Reboot</Name><Type>write</Type>
  <Message>Are you sure you want to reboot the device?</Message>
  <Measurement>...</Measurement></Param>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.enums import is_critical_caption
from dmlint.model.values import element_value

CODE = "PRM155"
NAME = "button-message-missing"
SEVERITY = "warning"
SUMMARY = "A button that reboots, deletes, stops, ... has no confirmation Message"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            element = param.element
            if (element.get("confirmPopup") or "").strip() == "always":
                continue
            if model.measurement_kind(element) != "button":
                continue
            captions = []
            for discreet in model.discreets(element):
                display = model.first(discreet, "Display")
                caption = element_value(display).value
                if is_critical_caption(caption):
                    captions.append((display, f"caption '{caption}'"))
            if captions and element_value(model.first(element, "Message")).text == "":
                yield Problem(element, f"button Param {pid} ({', '.join(note for _, note in captions)}) has no "
                                       f"confirmation Message", related=tuple(captions))
