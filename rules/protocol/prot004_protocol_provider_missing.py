"""## What it does
Checks `Protocol/Provider`: it must be there and name the company that made the
protocol.

Which provider is expected is not checked: the official validator compares the
provider with one it is configured with (for Skyline's own protocols), a setting
dmlint does not have.

## Why is this bad
DataMiner and the DataMiner Catalog show the provider with the protocol, and
support requests are routed by it. A protocol without one has no owner.

## Example
```xml
<Protocol>
  <Name>Generic Router</Name>
  <Provider></Provider>
</Protocol>
```

## Use instead
```xml
<Protocol>
  <Name>Generic Router</Name>
  <Provider>Skyline Communications</Provider>
</Protocol>
```
"""

from dmlint.rules.protocol._tags import EMPTY, MISSING, tag_problem

CODE = "PROT004"
NAME = "protocol-provider-missing"
SEVERITY = "error"
SUMMARY = "Protocol/Provider is missing or empty"


def check(model):
    problem = tag_problem(model, "Provider", {MISSING: "1.3.1", EMPTY: "1.3.2"}, "the name of the company that "
                                                                                 "made the protocol")
    if problem is not None:
        yield problem
