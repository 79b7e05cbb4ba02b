"""## What it does
Reports an action whose `Type` cannot work on its `On`: `execute` on a parameter, `copy` on
a group, `close` on anything but the protocol, ... Each kind of item takes its own types:

- command: crc, length, make, replace, replace data, stuffing;
- group: add to execute, execute, execute next, execute one, execute one now,
  execute one top, force execute, set, set with wait;
- pair: set next, timeout;
- parameter: aggregate, append, append data, change length, clear, clear on display,
  copy, copy reverse, go, increment, multiply, normalize, pow, read, replace data,
  reverse, run actions, save, set, set and get with wait, set info, set with wait;
- protocol: close, lock, unlock, merge, open, priority lock, priority unlock, read file,
  sleep, stop current group, swap column, wmi;
- response: clear, clear length info, crc, length, read, read stuffing, replace,
  replace data, stuffing;
- timer: reschedule, restart timer, start, stop.

## Why is this bad
DataMiner does nothing for a type that does not apply to the item: the action runs and
has no effect.

## Example
```xml
<Action id="1"><On id="10">parameter</On><Type>execute</Type></Action>
```

## Use instead
```xml
<Action id="1"><On id="10">parameter</On><Type>run actions</Type></Action>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.actions._actions import action_type_problems

CODE = "ACT010"
NAME = "action-type-incompatible"
SEVERITY = "error"
SUMMARY = "An action's Type cannot work on what its On names"


def check(model):
    for code, element, attribute, message, related in action_type_problems(model):
        if code == "6.7.1":
            yield Problem(element, message, attribute=attribute, official=code, related=related)
