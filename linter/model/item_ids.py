"""Ids and names of id-keyed items (Pair, Command, Response, QAction, ...) as the official
validator reads them.

The official model reads an item's id as an unsigned 32-bit number once trimmed, the way
.NET parses it (a leading `+` is accepted); its `CheckIdAttribute` checks then want the id
present, not blank, a number written plainly (digits only, no sign, no leading zero),
trimmed, and unique among the items whose id reads as a number. Only those items take part
in the family's other checks (names, content, logic): an item whose id cannot be read is
reported once, by the id rule, and left alone by the rest.

    >>> uint_id(" +7 "), uint_id("07"), uint_id("-2"), id_status("07"), id_status(" 7")
    ('7', '7', None, 'invalid', 'untrimmed')

Names are compared as the official `CheckNameTag`/`CheckNameAttribute` checks do: trimmed,
ignoring case, blank names left out (a QAction's name is its `name` attribute, which
`flow.duplicate_names` does not read).
"""

from __future__ import annotations

from dmlint.core.ids import EMPTY, INVALID, MISSING, OK, UNTRIMMED
from dmlint.model.elements import child, text_of
from dmlint.model.flow import dotnet_uint, id_problem

__all__ = ["EMPTY", "INVALID", "MISSING", "OK", "UNTRIMMED", "duplicate_ids", "duplicate_names", "id_status",
           "item_label", "name_of", "uint_id"]


def uint_id(raw: str | None) -> str | None:
    """The canonical id when the (trimmed) text reads as an unsigned 32-bit number, else None
    (`flow.dotnet_uint`: the one reading of the flow checks)."""
    return dotnet_uint(raw)


def id_status(raw: str | None) -> str:
    """missing | empty | invalid (no number, or not written plainly) | untrimmed | ok
    (`flow.id_problem`, with `ok` for no problem)."""
    return id_problem(raw) or OK


def name_of(element, attribute: str | None = None) -> str:
    """The item's name, trimmed: the `name` attribute (QAction) or the `Name` child."""
    if attribute is not None:
        return (element.get(attribute) or "").strip()
    return text_of(child(element, "Name")) or ""


def item_label(kind: str, element, attribute: str | None = None) -> str:
    """'Pair 12 (Name)' for messages; the id as written, '(no id)' when there is none."""
    raw = element.get("id")
    ident = raw.strip() if raw is not None and raw.strip() else "(no id)"
    name = name_of(element, attribute)
    return f"{kind} {ident}" + (f" ('{name}')" if name else "")


def duplicate_ids(valid) -> list[tuple[str, list]]:
    """(id, elements) for every id shared by several of the (element, id) pairs, first seen first."""
    groups: dict[str, list] = {}
    for element, item_id in valid:
        groups.setdefault(item_id, []).append(element)
    return [(item_id, elements) for item_id, elements in groups.items() if len(elements) > 1]


def duplicate_names(elements, attribute: str | None = None) -> list[tuple[str, list]]:
    """(name, elements) for every name (trimmed, any case) several elements share; blank names
    are left out."""
    groups: dict[str, list] = {}
    first: dict[str, str] = {}
    for element in elements:
        name = name_of(element, attribute)
        if not name:
            continue
        key = name.lower()
        first.setdefault(key, name)
        groups.setdefault(key, []).append(element)
    return [(first[key], found) for key, found in groups.items() if len(found) > 1]
