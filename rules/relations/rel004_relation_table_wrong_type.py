"""## What it does
Reports a part of `Relation@path` that names an existing parameter which is not a table (it has
no `ArrayOptions`).

## Why is this bad
A relation links the rows of tables; a parameter that is not a table has no rows and no
foreign keys, so the path breaks at that point. It is usually a column id written where its
table's id was meant.

## Example
```xml
<Relations><Relation name="Ports" path="1000;2001"/></Relations>  <!-- 2001 is a column -->
```

## Use instead
```xml
<Relations><Relation name="Ports" path="1000;2000"/></Relations>
```
"""

from dmlint.core.problem import Problem
from dmlint.rules.relations._relations import is_table, relation_label

CODE = "REL004"
NAME = "relation-table-wrong-type"
SEVERITY = "error"
SUMMARY = "A relation's path names a parameter that is not a table"


def check(model):
    for relation in model.relations:
        for part in relation.parts:
            if part.param is not None and not is_table(model, part):
                kind = part.param.type_text or "no type"
                yield Problem(relation.element, f"{relation_label(model, relation)}: path part {part.value} is Param "
                                                f"{part.param.id} ({kind}), not a table", attribute="path")
