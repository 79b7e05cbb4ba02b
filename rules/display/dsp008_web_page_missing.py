"""## What it does
Reports a protocol with an SNMP connection (`snmp`, `snmpv2` or `snmpv3`, main or
extra) whose `Display@pageOrder` has no web interface page (`Name#URL`, e.g.
`Web Interface#http://[Polling Ip]/`).

## Why is this bad
SNMP devices nearly always have a web interface; Skyline's convention is to give
their element cards a page that opens it, so operators do not need to look up the
address. It is a convention, hence a warning.

## Example
```xml
<Type>snmp</Type>
<Display defaultPage="General" pageOrder="General"/>
```

## Use instead
```xml
<Type>snmp</Type>
<Display defaultPage="General" pageOrder="General;----------;Web Interface#http://[Polling Ip]/"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.connections import SNMP_TYPES
from dmlint.model.display import WEB

CODE = "DSP008"
NAME = "web-page-missing"
SEVERITY = "warning"
SUMMARY = "An SNMP protocol's page order has no web interface page"


def check(model):
    entries = model.page_order
    if entries is None or any(entry.kind == WEB for entry in entries):
        return
    if any(kind in SNMP_TYPES for kind in model.connection_types):
        yield Problem(model.display, "the protocol has an SNMP connection but Display@pageOrder has no web interface "
                                     "page: add '----------;Web Interface#http://[Polling Ip]/'",
                      attribute="pageOrder")
