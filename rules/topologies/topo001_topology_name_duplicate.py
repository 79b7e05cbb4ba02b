"""## What it does
Reports topologies (`Topologies/Topology`) that share a name, ignoring case. One
finding per name, listing every topology that carries it.

## Why is this bad
A topology is identified by its name; with two of the same name, whatever refers
to the topology by name gets one of them and the other is never used.

## Example
```xml
<Topologies>
  <Topology name="Network"/>
  <Topology name="Network"/>
</Topologies>
```

## Use instead
```xml
<Topologies>
  <Topology name="Network"/>
  <Topology name="Services"/>
</Topologies>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child, children

CODE = "TOPO001"
NAME = "topology-name-duplicate"
SEVERITY = "error"
SUMMARY = "Several topologies have the same name"


def check(model):
    groups: dict[str, list] = {}
    for topology in children(child(model.root, "Topologies"), "Topology"):
        name = (topology.get("name") or "").strip()
        if name:
            groups.setdefault(name.casefold(), []).append(topology)
    for topologies in groups.values():
        if len(topologies) > 1:
            name = topologies[0].get("name").strip()
            yield Problem(topologies[0], f"{len(topologies)} topologies are named '{name}': give each its own name",
                          attribute="name", related=tuple((other, f"also named '{other.get('name').strip()}'")
                                                          for other in topologies[1:]))
