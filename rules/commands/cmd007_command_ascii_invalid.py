"""## What it does
Checks `Command@ascii`: `true`, `false` (any case), or the `;`-separated ids of
the parameters of the command that are sent as ASCII. It reports an empty value,
a part that is not a parameter id (an empty part too: `1;;2`), and an id that
names no parameter (looked up exactly as written: ` 5` and `05` name nothing).
When the value has several parts, or several of them are wrong, the command gets
one finding that lists the wrong parts.

Only commands whose id can be read are checked (CMD001 reports the others).

## Why is this bad
DataMiner converts the listed parameters to ASCII before it sends the command. A
wrong list silently sends those parameters in their raw form: the device gets a
command it does not understand.

## Example
```xml
<Command id="1" ascii="yes">...</Command>
<Command id="2" ascii="10;;99">...</Command>  <!-- no Param 99 -->
```

## Use instead
```xml
<Command id="1" ascii="true">...</Command>
<Command id="2" ascii="10;11">...</Command>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label, verdicts_of_valid_items

CODE = "CMD007"
NAME = "command-ascii-invalid"
SEVERITY = "error"
SUMMARY = "Command@ascii is empty, or lists something that is not an existing parameter"


def check(model):
    by_command: dict = {}
    for verdict in verdicts_of_valid_items(model, CODE, "command", 0):
        by_command.setdefault(verdict.reference.element, []).append(verdict)
    for command, verdicts in by_command.items():
        raw = command.get("ascii") or ""
        if len(verdicts) == 1 and ";" not in raw:
            yield verdicts[0].problem
            continue
        wrong = ", ".join(f"'{verdict.reference.raw}'" for verdict in verdicts)
        yield Problem(command, f"{item_label(model, 'command', command)}: ascii '{raw}' lists {wrong}, which "
                               f"{'is' if len(verdicts) == 1 else 'are'} not the id of an existing parameter",
                      attribute="ascii", official="10.4.2",
                      related=tuple((command, verdict.message) for verdict in verdicts))
