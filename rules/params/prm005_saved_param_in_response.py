"""## What it does
Reports a parameter with `save="true"` that a `Responses/Response` fills
(`Response/Content/Param`).

## Why is this bad
Saving keeps a value across element restarts; it is meant for settings an
operator enters on the DataMiner side. A value that the device sends back is polled
again shortly after a restart, so saving it only costs database writes, and if
the parameter is also an operator setting, every response overwrites what the
operator chose. Either stop saving it, or keep the saved setting in its own
parameter and copy it to a non-saved one that the response fills.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Param id="10" save="true"><Name>Mode</Name>...</Param>
<Response id="1"><Content><Param>10</Param></Content></Response>
```

## Use instead
```xml
<Param id="10"><Name>Mode</Name>...</Param>
<Response id="1"><Content><Param>10</Param></Content></Response>
```
"""

from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem

CODE = "PRM005"
NAME = "saved-param-in-response"
SEVERITY = "warning"
SUMMARY = "A saved parameter is filled by a Response"


def check(model):
    filled = {normalize_id(ref.raw) for ref in model.all_references if ref.site.name == "Response/Content/Param"}
    for pid, group in model.params.items():
        if pid not in filled:
            continue  # no Response fills it (most parameters): no need to look at save
        saved = [param for param in group if param.saved]
        if not saved:
            continue
        responses = sorted({
            (ref.element.getparent().getparent().get("id") or "?").strip()
            for ref in model.references_to(pid) if ref.site.name == "Response/Content/Param"
        })
        if not responses:
            continue
        for param in saved:
            yield Problem(param.element,
                          f"Param {pid} ({param.name}) has save=\"true\" but Response(s) {', '.join(responses)} "
                          f"fill it: stop saving it, or keep the saved setting in a separate parameter",
                          attribute="save")
