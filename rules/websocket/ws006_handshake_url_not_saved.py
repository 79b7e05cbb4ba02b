"""## What it does
Checks that the parameter holding the handshake URL is saved (`save="true"`).

## Why is this bad
The documented pattern lets an operator change the URL through a write
parameter. Without `save="true"` the change is lost when the element restarts
and the handshake goes back to the default URL.

## Example
```xml
<Param id="8">
  <Name>WebSocketUrl</Name>
  ...
</Param>
```

## Use instead
```xml
<Param id="8" save="true">
  <Name>WebSocketUrl</Name>
  ...
</Param>
```

## Fix safety
Safe: the fix adds `save="true"` to the URL parameter's tag and changes nothing else.
"""

from dmlint.core.fixes import Fix, set_attribute
from dmlint.core.problem import Problem

CODE = "WS006"
NAME = "handshake-url-not-saved"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "The handshake URL parameter is not saved"


def check(model):
    reported = set()
    for session in model.handshake_sessions():
        for connection in session.connections:
            param = model.param(connection.url_reference)
            if param is None or param.saved or id(param.element) in reported:
                continue
            reported.add(id(param.element))
            yield Problem(param.element,
                          f"parameter {param.id} holds the handshake URL of session {session.id} but is not "
                          f"saved: add save=\"true\" so a changed URL survives an element restart",
                          fix=Fix.of(set_attribute(model.document, param.element, "save", "true"),
                                     message='set save="true"'))
