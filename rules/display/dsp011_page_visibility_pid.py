"""## What it does
Checks `Visibility@overridePID` on the pages of `Protocol/Display/Pages`: a page
with a `Visibility` must name, in `overridePID`, the parameter whose value shows or
hides it. The attribute must be there, not be empty, name an existing parameter and
have no spaces around it.

## Why is this bad
DataMiner shows or hides the page by comparing that parameter with
`Visibility@value`; without a parameter the page keeps its default visibility for
good, whatever the device reports.

## Example
```xml
<Display>
  <Pages>
    <Page>
      <Name>Redundancy</Name>
      <Visibility default="false" overridePID=" 10" value="1"/>
    </Page>
  </Pages>
</Display>
```

## Use instead
```xml
<Display>
  <Pages>
    <Page>
      <Name>Redundancy</Name>
      <Visibility default="false" overridePID="10" value="1"/>
    </Page>
  </Pages>
</Display>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child, children, path, text_of

CODE = "DSP011"
NAME = "page-visibility-pid"
SEVERITY = "error"
SUMMARY = "A page Visibility has no overridePID, or one that is empty, untrimmed or names no parameter"


def check(model):
    for page in children(path(model.root, "Display", "Pages"), "Page"):
        visibility = child(page, "Visibility")
        if visibility is None:
            continue
        name = text_of(child(page, "Name")) or "(no name)"
        raw = visibility.get("overridePID")
        if raw is None:
            yield Problem(visibility, f"the Visibility of page '{name}' has no overridePID: name the parameter that "
                                      f"shows or hides the page", official="1.27.1")
        elif raw.strip() and raw != raw.strip() and model.param(raw) is not None:
            yield Problem(visibility, f"Visibility@overridePID '{raw}' of page '{name}' has spaces around it: remove "
                                      f"them", attribute="overridePID", official="1.27.3")
    for verdict in model.reference_verdicts.get(CODE, ()):
        yield verdict.problem
