"""## What it does
Reports a `dmlint:` suppression comment that silences nothing: its rule reported
no finding in its range, `disable-next` has no element after it, `enable` closes
no `disable`, it names a code that is not a dmlint rule, or it cannot be read.

## Why is this bad
A suppression outlives the problem it hid. Once the protocol is fixed, the stale
comment would silently hide the next real finding of that rule in the same place.
Reporting it keeps suppressions honest, so they only shrink.

The official validator's `SuppressValidator` / `PostponeValidator` comments are
never reported: the official check for a code covers more than the dmlint rule
that shares the code, so only the official validator can tell they are unused.

## Example
```xml
<!-- dmlint: disable-next=WS006 URL is fixed by design -->
<Param id="8" save="true">   <!-- already saved: WS006 no longer fires -->
```

## Use instead
```xml
<Param id="8" save="true">
```
"""

CODE = "SUP001"
NAME = "unused-suppression"
SEVERITY = "warning"
SUMMARY = "A dmlint suppression comment silences nothing"
# Reported by the engine after applying suppressions; there is no check() to run.
