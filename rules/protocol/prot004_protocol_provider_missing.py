"""## What it does
Checks `Protocol/Provider`: it must be there and name the company that made the
protocol. With the `expected-provider` setting (a team that only publishes its own
protocols), the provider must be exactly that name.

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

With `expected-provider = "Skyline Communications"`, `<Provider>Skyline</Provider>` is
reported too.

## Use instead
```xml
<Protocol>
  <Name>Generic Router</Name>
  <Provider>Skyline Communications</Provider>
</Protocol>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.rules.protocol._tags import EMPTY, MISSING, tag_problem

CODE = "PROT004"
NAME = "protocol-provider-missing"
SEVERITY = "error"
SUMMARY = "Protocol/Provider is missing, empty or not the expected provider"


def check(model):
    problem = tag_problem(model, "Provider", {MISSING: "1.3.1", EMPTY: "1.3.2"}, "the name of the company that "
                                                                                 "made the protocol")
    if problem is not None:
        yield problem
        return
    expected = model.expected_provider
    provider = child(model.root, "Provider")
    if expected and provider is not None and (provider.text or "") != expected:
        yield Problem(provider, f"<Provider> is '{provider.text}', but the expected-provider setting asks for "
                                f"'{expected}'", official="1.3.3")
