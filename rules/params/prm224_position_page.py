"""## What it does
Checks the `Page` of every `Display/Positions/Position`: it must be present, not empty,
without spaces around it, and a parameter is on a page once (a title end, which can close
several group boxes on one page, may repeat). Page names are compared without case.

## Why is this bad
The page is where DataMiner shows the parameter. A position without one is dropped; the
same page twice shows the parameter twice (or only once, depending on the client); an
untrimmed name creates a second page that differs only by a space.

## Example
```xml
<Positions>
  <Position><Page>General</Page><Column>0</Column><Row>0</Row></Position>
  <Position><Page>general</Page><Column>1</Column><Row>3</Row></Position>
  <Position><Column>0</Column><Row>1</Row></Position>
</Positions>
```

## Use instead
```xml
<Positions>
  <Position><Page>General</Page><Column>0</Column><Row>0</Row></Position>
</Positions>
```

## Fix safety
Safe: the fix removes the spaces around the page name. No fix is offered for the other mistakes:
which page was meant is not known.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model import path, text_of

CODE = "PRM224"
NAME = "position-page"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "A Position has no Page, an empty or untrimmed one, or repeats a page"


def _title_end(element) -> bool:
    measurement = path(element, "Measurement", "Type")
    if text_of(measurement) != "title":
        return False
    return "end" in (part.strip().lower() for part in (measurement.get("options") or "").split(";"))


def check(model):
    for group in model.params.values():
        for param in group:
            positions = model.follow(param.element, "Display", "Positions")
            if positions is None:
                continue
            label = f"Param {param.id} ({param.name})"
            pages = []
            for position in model.all(positions, "Position"):
                page = model.first(position, "Page")
                if page is None:
                    yield Problem(position, f"a Position of {label} has no Page", official="2.22.2")
                    continue
                raw = page.text or ""
                if not raw.strip():
                    yield Problem(page, f"a Position of {label} has an empty Page", official="2.22.3")
                    continue
                pages.append(page)
                if raw != raw.strip():
                    yield Problem(page, f"a Position of {label} has spaces around its Page '{raw}'",
                                  official="2.22.4",
                                  fix=Fix.of(trim_text(model.document, page), message="trim the page"))
            if len(pages) < 2 or _title_end(param.element):
                continue
            by_name: dict[str, list] = {}
            for page in pages:
                by_name.setdefault((page.text or "").strip().lower(), []).append(page)
            for same in by_name.values():
                if len(same) > 1:
                    name = (same[0].text or "").strip()
                    yield Problem(positions, f"{label} is positioned {len(same)} times on page '{name}'",
                                  official="2.22.5", related=tuple((page, "on this page") for page in same))
