"""## What it does
Checks that every two neighbouring tables of a `Relation@path` are linked by a foreign key: one
of them has a column with `foreignKey=` the other (either direction, so parent-to-child,
child-to-parent and N-to-M paths through an intermediate table all work). One finding per
relation, with each unlinked pair as a related note.

## Why is this bad
DataMiner follows a relation from row to row through the foreign keys of its tables. Where
two neighbours have no foreign key between them the path breaks: the tree view, the filters
and the alarm propagation that use the relation show nothing below that level.

## Example
```xml
<Param id="2000"><Type>array</Type>
  <ArrayOptions index="0">
    <ColumnOption idx="0" pid="2001"/>
    <ColumnOption idx="1" pid="2002"/>            <!-- meant to point at table 1000 -->
  </ArrayOptions>
</Param>
<Relations><Relation name="Ports" path="1000;2000"/></Relations>
```

## Use instead
```xml
<ColumnOption idx="1" pid="2002" options=";foreignKey=1000"/>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.tables import has_foreign_key
from dmlint.rules.relations._relations import is_table, relation_label

CODE = "REL003"
NAME = "relation-foreign-key-missing"
SEVERITY = "error"
SUMMARY = "Two neighbouring tables of a relation have no foreign key between them"


def check(model):
    for relation in model.relations:
        missing = []
        for first, second in relation.neighbours():
            if not (is_table(model, first) and is_table(model, second)):
                continue  # REL004
            a, b = first.param.id, second.param.id
            if not (has_foreign_key(model, a, b) or has_foreign_key(model, b, a)):
                missing.append((a, b))
        if missing:
            pairs = ", ".join(f"{a} and {b}" for a, b in missing)
            yield Problem(relation.element, f"{relation_label(model, relation)} (path '{relation.path_raw}') links "
                                            f"tables without a foreign key between them: {pairs}", attribute="path",
                          related=tuple((relation.element, f"no foreignKey between table {a} and table {b}")
                                        for a, b in missing))
