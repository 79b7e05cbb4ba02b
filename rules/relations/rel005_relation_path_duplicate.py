"""## What it does
Reports relations with the same path (written the same way: `1000;2000` twice; the reverse
path `2000;1000` is a different relation). One finding per path, on its first relation; the
others are related places.

## Why is this bad
The second relation adds nothing: DataMiner already follows that path. It is usually a
copy-paste leftover where another path was meant.

## Example
```xml
<Relations>
  <Relation name="Ports" path="1000;2000"/>
  <Relation name="Port Statistics" path="1000;2000"/>
</Relations>
```

## Use instead
```xml
<Relations>
  <Relation name="Ports" path="1000;2000"/>
  <Relation name="Port Statistics" path="1000;3000"/>
</Relations>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.relations._relations import relation_label

CODE = "REL005"
NAME = "relation-path-duplicate"
SEVERITY = "error"
SUMMARY = "Several relations have the same path"


def check(model):
    by_path: dict[str, list] = {}
    for relation in model.relations:
        raw = (relation.path_raw or "").strip()
        if raw:
            by_path.setdefault(raw, []).append(relation)
    for path, relations in by_path.items():
        if len(relations) > 1:
            names = ", ".join(relation_label(model, relation) for relation in relations)
            yield Problem(relations[0].element, f"{len(relations)} relations have path '{path}': {names}",
                          attribute="path", related=tuple((relation.element, f"{relation_label(model, relation)}: "
                                                                             f"same path")
                                                          for relation in relations[1:]))
