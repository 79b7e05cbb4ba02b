"""## What it does
Reports a `foreignKey=` column option whose two tables are not neighbours in any
`Relations/Relation@path` (a foreign key to the table itself needs no relation).

## Why is this bad
DataMiner follows table links through the relations: filters on a parent table, the
alarm and trend views of child rows, DVE and service tree navigation. A foreign key that
no relation declares is invisible to all of them.

## Example
```xml
<Param id="1100">
  <ArrayOptions index="0">
    <ColumnOption idx="0" pid="1101"/>
    <ColumnOption idx="1" pid="1102" options=";foreignKey=1000"/>
  </ArrayOptions>
</Param>
<!-- no Relations -->
```

## Use instead
```xml
<Relations>
  <Relation name="Interfaces of a card" path="1000;1100"/>
</Relations>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM214"
NAME = "foreign-key-relation"
SEVERITY = "error"
SUMMARY = "A foreign key links two tables that no Relation connects"


def check(model):
    pairs = None
    for table in model.all_tables:
        for option, target in table.foreign_keys:
            if target == (table.element.get("id") or ""):
                continue  # a recursive key (to the table itself)
            if pairs is None:
                pairs = model.relation_pairs
            if (table.pid, target) not in pairs:
                yield Problem(option.element, f"ColumnOption idx={option.idx_raw!r} of {table.label} is a foreign key "
                                              f"to table {target}, but no Relation@path connects {table.pid} and "
                                              f"{target}", attribute="options", official="2.38.4")
