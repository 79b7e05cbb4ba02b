"""## What it does
Reports a protocol without `Protocol/Display`.

## Why is this bad
`Display` says which page an element card opens on and in which order the pages
are listed. Without it DataMiner falls back to its own order and an arbitrary first
page, and the page settings other checks look at cannot be given.

## Example
```xml
<Protocol>
  <Name>Generic Router</Name>
  <Params>...</Params>
</Protocol>
```

## Use instead
```xml
<Protocol>
  <Name>Generic Router</Name>
  <Display defaultPage="General" pageOrder="General;Interfaces"/>
  <Params>...</Params>
</Protocol>
```
"""

from dmlint.core.problem import Problem

CODE = "DSP001"
NAME = "display-missing"
SEVERITY = "warning"
SUMMARY = "The protocol has no Display"


def check(model):
    if model.display is None:
        yield Problem(model.root, "the protocol has no <Display>: add <Display defaultPage=\"General\" "
                                  "pageOrder=\"...\"/>")
