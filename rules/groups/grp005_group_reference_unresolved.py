"""## What it does
Reports what a group names by id that does not exist: a parameter, action, pair or
trigger in its `Content` (`<Param>100</Param>`, `<Action>`, `<Pair>`, `<Trigger>`; a
`Param` may carry a suffix, `100:single`), and the parameter of `Group@connectionPID`. Also
when the protocol has no section of that kind at all. (A `Content/Session` naming no
HTTP session is HTTP015's; values that are no id at all are GRP006's.)

## Why is this bad
Polling or running the group silently skips what does not exist: a parameter is never
polled, an action never runs, a pair never goes out, and nothing says why.

## Example
```xml
<Group id="1" type="poll"><Content><Param>200</Param></Content></Group>  <!-- no Param 200 -->
<Group id="2"><Type>action</Type><Content><Action>9</Action></Content></Group>  <!-- no Action 9 -->
```

## Use instead
```xml
<Group id="1"><Content><Param>100</Param></Content></Group>
<Group id="2"><Type>action</Type><Content><Action>1</Action></Content></Group>
```
"""

from dmlint.model.references import reported_by

CODE = "GRP005"
NAME = "group-reference-unresolved"
SEVERITY = "error"
SUMMARY = "A group names a parameter, action, pair or trigger that does not exist"

check = reported_by(CODE)
