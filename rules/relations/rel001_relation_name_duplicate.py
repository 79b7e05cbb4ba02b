"""## What it does
Reports relations that share a name (compared without case and without the spaces around
it; relations without a name are left alone). One finding per name, on its first relation;
the others are related places.

## Why is this bad
The name is how a relation is told apart in the tools that show or use it (and how QActions
ask for it); two relations with one name are ambiguous, which is usually a copy-paste
leftover where the second path was meant to be another relation.

## Example
```xml
<Relations>
  <Relation name="Ports" path="1000;2000"/>
  <Relation name="Ports" path="1000;3000"/>
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

CODE = "REL001"
NAME = "relation-name-duplicate"
SEVERITY = "warning"
SUMMARY = "Several relations have the same name"


def check(model):
    by_name: dict[str, list] = {}
    for relation in model.relations:
        name = (relation.name or "").strip()
        if name:
            by_name.setdefault(name.lower(), []).append(relation)
    for relations in by_name.values():
        if len(relations) > 1:
            first = relations[0]
            yield Problem(first.element, f"{len(relations)} relations are named '{first.name.strip()}'",
                          attribute="name", related=tuple((relation.element, "same name")
                                                          for relation in relations[1:]))
