"""## What it does
Reports discreets of one parameter that share a `Display` text (compared without regard to
case): one finding per text, the other discreets as related locations.

## Why is this bad
The operator picks a value by its display text; two entries with the same text cannot be
told apart, and one of the values can never be chosen knowingly.

## Example
```xml
<Discreet><Display>Auto</Display><Value>0</Value></Discreet>
<Discreet><Display>Auto</Display><Value>1</Value></Discreet>
```

## Use instead
```xml
<Discreet><Display>Auto</Display><Value>0</Value></Discreet>
<Discreet><Display>Automatic Restart</Display><Value>1</Value></Discreet>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM139"
NAME = "discreet-display-duplicate"
SEVERITY = "error"
SUMMARY = "Several Discreets of one parameter share a Display text"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            seen: dict[str, list] = {}
            for discreet in model.discreets(param.element):
                tag = model.first(discreet, "Display")
                value = element_value(tag)
                if tag is None or not value.raw or value.empty:
                    continue
                seen.setdefault(value.text.lower(), []).append((tag, value.text))
            for entries in seen.values():
                if len(entries) < 2:
                    continue
                yield Problem(entries[0][0], f"Param {pid} has {len(entries)} discreets shown as '{entries[0][1]}': "
                                             f"give each its own text",
                              related=tuple((tag, f"also shown as '{text}'") for tag, text in entries[1:]))
