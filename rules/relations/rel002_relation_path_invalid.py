"""## What it does
Checks `Relation@path` on every `Protocol/Relations/Relation`: it must be present, not empty,
and list the ids of existing parameters separated by `;`. One finding per relation, with every
part that is no id or names nothing as a related note.

## Why is this bad
A relation tells DataMiner how the rows of tables are linked (through their foreign keys), for
the tree views, filters and alarm propagation that follow the path. A path with a part that is
no table id cannot be followed at all.

## Example
```xml
<Relations>
  <Relation name="Ports" path="1000,2000"/>      <!-- ',' instead of ';' -->
  <Relation name="Cards" path="1000;Slots"/>
  <Relation name="Links" path="1000;2100"/>      <!-- no Param 2100 -->
</Relations>
```

## Use instead
```xml
<Relations>
  <Relation name="Ports" path="1000;2000"/>
  <Relation name="Cards" path="1000;3000"/>
  <Relation name="Links" path="1000;2000"/>
</Relations>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.relations._relations import relation_label

CODE = "REL002"
NAME = "relation-path-invalid"
SEVERITY = "error"
SUMMARY = "A relation has no path, an empty path or a path with parts that are no existing table id"


def check(model):
    for relation in model.relations:
        raw = relation.path_raw
        label = relation_label(model, relation)
        if raw is None:
            yield Problem(relation.element, f"{label} has no path: list the tables it links, separated by ';'",
                          official="13.2.2")
            continue
        if not raw.strip():
            yield Problem(relation.element, f"{label} has an empty path", attribute="path", official="13.2.4")
            continue
        notes = []
        for part in relation.parts:
            if part.value is None:
                notes.append(f"'{part.raw}' is not a table id")
            elif part.param is None:
                notes.append(f"{part.value} names no parameter")
        if notes:
            detail = "; ".join(notes)
            yield Problem(relation.element, f"{label} has path '{raw}': {detail}", attribute="path", official="13.2.3",
                          related=tuple((relation.element, note) for note in notes) if len(relation.parts) > 1 else ())
