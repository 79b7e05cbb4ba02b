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

## Fix safety
With `expected-provider` set, a missing `<Provider>` is added with that name (safe: the
setting says what it must be). Without the setting there is no fix.
"""

from dataclasses import replace

from dmlint.core.fixes import Fix, escape_text, insert_element, qualified
from dmlint.core.problem import Problem
from dmlint.model import child
from dmlint.rules.protocol._tags import EMPTY, MISSING, first_present, tag_problem

CODE = "PROT004"
NAME = "protocol-provider-missing"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "Protocol/Provider is missing, empty or not the expected provider"


def check(model):
    problem = tag_problem(model, "Provider", {MISSING: "1.3.1", EMPTY: "1.3.2"}, "the name of the company that "
                                                                                 "made the protocol")
    expected = model.expected_provider
    if problem is not None:
        if expected and problem.official == "1.3.1":
            problem = replace(problem, fix=_added(model, expected))
        yield problem
        return
    provider = child(model.root, "Provider")
    if expected and provider is not None and (provider.text or "") != expected:
        yield Problem(provider, f"<Provider> is '{provider.text}', but the expected-provider setting asks for "
                                f"'{expected}'", official="1.3.3")


def _added(model, provider: str):
    """<Provider> with the expected provider, after the tags that come before it."""
    root = model.root
    after = first_present(root, ("Version", "Description", "Name"))
    tag = qualified(root, "Provider")
    return Fix.of(insert_element(model.document, root, f"<{tag}>{escape_text(provider)}</{tag}>", after=after),
                  message=f"add <Provider>{provider}</Provider>")
