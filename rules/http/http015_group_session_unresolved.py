"""## What it does
Checks every `<Session>` inside a `Groups/Group/Content`: it must hold the id of
an existing `HTTP/Session`. Reports an empty value, a value that is not an
unsigned integer, and an id that matches no session (also when the protocol has
no `<HTTP>` section at all).

## Why is this bad
Polling a group is how an HTTP session gets executed. A group naming a session
that does not exist polls nothing: the parameters the session should fill never
update and nothing tells the operator why.

## Example
```xml
<Group id="10">
  <Content>
    <Session>3</Session>   <!-- HTTP has sessions 1 and 2 only -->
    <Session></Session>
  </Content>
</Group>
```

## Use instead
```xml
<Group id="10">
  <Content>
    <Session>2</Session>
  </Content>
</Group>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import children
from dmlint.rules.http._groups import groups
from dmlint.rules.http._http import EMPTY, INVALID, ref_status

CODE = "HTTP015"
NAME = "group-session-unresolved"
SEVERITY = "error"
SUMMARY = "A group polls an HTTP session that is empty, malformed or does not exist"


def check(model):
    for group in groups(model):
        for item in children(group.content, "Session"):
            raw = item.text
            status = ref_status(raw)
            if status == EMPTY or raw is None:
                yield Problem(item, f"{group.label} polls an empty <Session>: write the id of an HTTP session",
                              official="4.5.2")
            elif status == INVALID:
                yield Problem(item, f"{group.label} polls <Session>{raw.strip()}</Session>, which is not a session "
                                    f"id (an unsigned integer)", official="4.5.3")
            elif model.session(raw) is None:
                missing = ("the protocol has no <HTTP> section" if not model.has_http_block
                           else "no HTTP session has that id")
                yield Problem(item, f"{group.label} polls HTTP session {raw.strip()}, but {missing}: "
                                    f"add the session or fix the id", official="4.5.1")
