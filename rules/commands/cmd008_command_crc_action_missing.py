"""## What it does
Reports a command whose content holds a parameter of type `crc` while nothing
computes it: no trigger `before` that `command` runs an action of type `crc` on
`command`. The command's own trigger (`<On id="5">command</On>`) decides when it
has one; otherwise the triggers on `each` command do.

Only commands whose id can be read are checked (CMD001 reports the others).

## Why is this bad
DataMiner fills a `crc` parameter only when a `crc` action runs before the
command is sent. Without it the checksum is empty or stale and the device rejects
the command.

## Example
```xml
<Param id="9"><Name>Checksum</Name><Type>crc</Type>...</Param>
<Command id="1"><Content><Param>1</Param><Param>9</Param></Content></Command>
<!-- no trigger before command 1 (or each command) runs a crc action -->
```

## Use instead
```xml
<Trigger id="1"><On id="1">command</On><Time>before</Time><Type>action</Type>
  <Content><Id>1</Id></Content></Trigger>
<Action id="1"><On>command</On><Type>crc</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label, missing_crc_actions

CODE = "CMD008"
NAME = "command-crc-action-missing"
SEVERITY = "error"
SUMMARY = "A Command holds a crc parameter but no crc action runs before it"


def check(model):
    for command, param, own in missing_crc_actions(model, "command"):
        where = (f"its trigger {(own.element.get('id') or '').strip()} runs no crc action on command"
                 if own is not None else "no trigger before each command runs a crc action on command")
        yield Problem(command, f"{item_label(model, 'command', command)} holds crc parameter {param.id}, but "
                               f"{where}: the checksum is never computed")
