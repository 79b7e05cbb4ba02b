"""## What it does
Reports chains (`Chains/Chain` and `Chains/SearchChain`) that share a name, ignoring
case. One finding per name, listing every chain that carries it.

## Why is this bad
DataMiner shows each chain as a tab page of the EPM (CPE) view, labelled and
identified by its name; two chains with one name cannot be told apart, and anything
that refers to a chain by name gets one of them.

## Example
```xml
<Chains>
  <Chain name="Network"/>
  <SearchChain name="network"/>
</Chains>
```

## Use instead
```xml
<Chains>
  <Chain name="Network"/>
  <SearchChain name="Network Search"/>
</Chains>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import child, element_children, local_name

CODE = "CHN001"
NAME = "chain-name-duplicate"
SEVERITY = "error"
SUMMARY = "Several chains have the same name"


def check(model):
    groups: dict[str, list] = {}
    for chain in element_children(child(model.root, "Chains")):
        if local_name(chain.tag) not in ("Chain", "SearchChain"):
            continue
        name = (chain.get("name") or "").strip()
        if name:
            groups.setdefault(name.casefold(), []).append(chain)
    for chains in groups.values():
        if len(chains) > 1:
            name = chains[0].get("name").strip()
            yield Problem(chains[0], f"{len(chains)} chains are named '{name}': give each chain its own name",
                          attribute="name",
                          related=tuple((other, f"also named '{other.get('name').strip()}'") for other in chains[1:]))
