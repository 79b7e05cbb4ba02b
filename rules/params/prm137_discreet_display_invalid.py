"""## What it does
Checks the `Display` of every `Measurement/Discreets/Discreet`: it must be there, not empty,
and without spaces around it.

The official severities are Major (missing), Minor (empty) and Warning (spaces); dmlint
reports an error and warnings.

## Why is this bad
The display text is what the operator picks in the drop-down (or reads on the button); a
discreet without one shows an empty entry that nobody can tell apart.

## Example
```xml
<Discreet><Value>1</Value></Discreet>
<Discreet><Display> Off </Display><Value>0</Value></Discreet>
```

## Use instead
```xml
<Discreet><Display>On</Display><Value>1</Value></Discreet>
<Discreet><Display>Off</Display><Value>0</Value></Discreet>
```

## Fix safety
Safe: the fix removes the spaces around the text. A missing or empty Display gets no fix.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import element_value
from dmlint.model.widgets import is_pagebutton, pagebutton_caption

CODE = "PRM137"
NAME = "discreet-display-invalid"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "A Discreet has no Display, an empty one, or one with spaces around it"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            for discreet in model.discreets(param.element):
                tag = model.first(discreet, "Display")
                if tag is None:
                    yield Problem(discreet, f"a Discreet of Param {pid} has no Display", official="2.13.3")
                    continue
                value = element_value(tag)
                if value.empty:
                    yield Problem(tag, f"a Discreet of Param {pid} has an empty Display", official="2.13.4")
                elif value.untrimmed and not _caption_wrong(model, param.element, value.text):
                    yield Problem(tag, f"a Discreet of Param {pid} has spaces around its Display '{value.raw}'",
                                  official="2.13.5",
                                  fix=Fix.of(trim_text(model.document, tag), message="trim the Display"))


def _caption_wrong(model, element, text: str) -> bool:
    return is_pagebutton(model, element) and pagebutton_caption(text) != text
