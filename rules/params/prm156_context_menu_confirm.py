"""## What it does
Checks the `confirm:` option of the entries of a context menu (a parameter named
`..._ContextMenu`, `Discreet@options`): an entry whose caption announces an action that
deserves a confirmation (reboot, delete, stop, ... see PRM155) needs one, and a given
confirmation text must not be empty or have spaces around it. One finding per context
menu, the entries as related locations.

The official severities are Minor (missing, empty) and Warning (spaces); dmlint reports
warnings.

## Why is this bad
Context menu entries act on table rows at once; without a confirmation, one misplaced
click deletes rows or restarts devices.

## Example
```xml
<Discreet><Display>Delete Row</Display><Value>2</Value></Discreet>
```

## Use instead
```xml
<Discreet options="confirm:Delete the selected row?"><Display>Delete Row</Display><Value>2</Value></Discreet>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.enums import is_critical_caption
from dmlint.model.rtdisplay import is_context_menu

CODE = "PRM156"
NAME = "context-menu-confirm"
SEVERITY = "warning"
SUMMARY = "A context menu entry that deletes, stops, ... has no (or an empty or untrimmed) confirm option"


def confirm_option(options: str | None) -> tuple[bool, str | None]:
    """(whether a Discreet@options has a `confirm:` option, the text of the last one; None
    when it has no text at all)."""
    found, message = False, None
    for option in (part for part in (options or "").strip().split(";") if part):
        pieces = option.split(":")
        if pieces[0].lower() == "confirm":
            found, message = True, pieces[1] if len(pieces) > 1 else None
    return found, message


def check(model):
    for pid, group in model.params.items():
        for param in group:
            discreets = model.discreets(param.element)
            if not discreets or not is_context_menu(model, param.element):
                continue
            wrong = []
            for discreet in discreets:
                display = model.first(discreet, "Display")
                if display is None:
                    continue
                caption = (display.text or "").strip()
                has_confirm, message = confirm_option(discreet.get("options"))
                if not has_confirm:
                    if is_critical_caption(caption):
                        wrong.append((display, f"'{caption}' has no confirm option (2.50.2)"))
                    continue
                if message is None or not message.strip():
                    wrong.append((discreet, f"'{caption}' has an empty confirm option (2.50.3)"))
                if message is not None and message != message.strip():
                    wrong.append((discreet, f"'{caption}' has spaces around its confirm text (2.50.4)"))
            if wrong:
                yield Problem(param.element, f"context menu Param {pid}: " + "; ".join(note for _, note in wrong),
                              related=tuple(wrong))
