"""## What it does
Checks `set` and `set with wait` actions on groups (one SNMP set of the group's
parameters): the connection they go over (`Type@nr`, 0 when absent) must be an SNMP one
(snmp, snmpv2, snmpv3); each group must hold parameters, each of type `write` with
`SNMP/Enabled` true.

## Why is this bad
A multiple set is an SNMP request: over another kind of connection, on a group without
parameters, or on parameters that are not SNMP write parameters, nothing is set and the
user's change is lost.

## Example
```xml
<Action id="1"><On id="2">group</On><Type nr="1">set</Type></Action>  <!-- connection 1 is http -->
<Group id="2"><Content><Param>10</Param></Content></Group>           <!-- 10 is a read parameter -->
```

## Use instead
```xml
<Action id="1"><On id="2">group</On><Type>set</Type></Action>        <!-- connection 0 is snmp -->
<Group id="2"><Content><Param>110</Param></Content></Group>          <!-- an SNMP write parameter -->
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.actions._actions import action_type_problems

CODE = "ACT013"
NAME = "group-set-unsupported"
SEVERITY = "error"
SUMMARY = "A set on a group goes over a connection that is not SNMP, or sets what SNMP cannot"

MINE = ("6.7.10", "6.7.11", "6.7.12", "6.7.13")


def check(model):
    for code, element, attribute, message, related in action_type_problems(model):
        if code in MINE:
            yield Problem(element, message, attribute=attribute, official=code, related=related)
