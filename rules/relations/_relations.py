"""Shared by the REL rules: how a relation is named in messages."""

from __future__ import annotations


def relation_label(model, relation) -> str:
    """"Relation 'Interfaces'" or 'Relation 2' (its position) when it has no name."""
    name = (relation.name or "").strip()
    if name:
        return f"Relation '{name}'"
    position = next((number for number, item in enumerate(model.relations, start=1) if item is relation), 0)
    return f"Relation {position}"


def is_table(model, part) -> bool:
    """The part names a table: a parameter with ArrayOptions."""
    table = model.table(part.param.id) if part.param is not None else None
    return table is not None and table.has_array_options
