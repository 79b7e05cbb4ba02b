"""## What it does
Checks that the caption of every page button (the `Display` of its discreets) ends with
`...`, written right after the text and only there.

The official severity is Minor; dmlint reports a warning.

## Why is this bad
In DataMiner, `...` on a button says "opens a window"; every page button follows that
convention, so a caption without it (or with it elsewhere) reads as a button that acts at once.

## Example
```xml
<Measurement><Type>pagebutton</Type>
  <Discreets><Discreet><Display>Details</Display><Value>Details Page</Value></Discreet></Discreets></Measurement>
```

## Use instead
```xml
<Measurement><Type>pagebutton</Type>
  <Discreets><Discreet><Display>Details...</Display><Value>Details Page</Value></Discreet></Discreets></Measurement>
```

## Fix safety
Safe: the fix writes the caption as DataMiner shows a page button's: its text without the dots,
then `...` (`Details ...` becomes `Details...`).
"""

from dmlint.core.fixes import Fix, replace_text
from dmlint.core.problem import Problem
from dmlint.model.values import element_value
from dmlint.model.widgets import is_pagebutton, pagebutton_caption

CODE = "PRM138"
NAME = "pagebutton-caption"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A page button's caption does not end with '...' right after its text"


def check(model):
    for pid, group in model.params.items():
        for param in group:
            if not is_pagebutton(model, param.element):
                continue
            for discreet in model.discreets(param.element):
                tag = model.first(discreet, "Display")
                value = element_value(tag)
                if tag is None or value.empty:
                    continue
                expected = pagebutton_caption(value.text)
                if expected != value.text:
                    yield Problem(tag, f"page button Param {pid} has caption '{value.raw}': write '{expected}'",
                                  fix=Fix.of(replace_text(model.document, tag, expected), message="write the caption"))
