"""Helpers of the rules that check id-keyed items (pairs, commands, responses, QActions): their
ids, the uniqueness of their ids and names, and which reference verdicts belong to an item the
official checks look at. Not a rule: the PAIR, CMD, RSP and QA rules call these.

Each helper reads one section of the model (`model.section(kind)`) by direct child paths, so
every rule stays linear in the size of its section.
"""

from __future__ import annotations

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.elements import child, children, text_of
from dmlint.model.item_ids import EMPTY, INVALID, MISSING, UNTRIMMED, duplicate_ids, duplicate_names, id_status
from dmlint.model.item_ids import item_label as _item_label


def item_label(model, kind: str, element) -> str:
    """'Pair 12 ('Name')' for messages: the section's label, the id as written, the name."""
    return _item_label(model.section(kind).section.label, element, "name" if kind == "qaction" else None)


def id_problems(model, kind: str, missing: str, empty: str, invalid: str):
    """An item without an id, with a blank id, or with one that is not a plain unsigned number."""
    for element in model.section(kind).items:
        raw = element.get("id")
        status = id_status(raw)
        if status == MISSING:
            yield Problem(element, f"{item_label(model, kind, element)} has no id attribute: give it a unique "
                                   f"unsigned number", official=missing)
        elif status == EMPTY:
            yield Problem(element, f"{item_label(model, kind, element)} has an empty id: give it a unique "
                                   f"unsigned number", attribute="id", official=empty)
        elif status == INVALID:
            yield Problem(element, f"{item_label(model, kind, element)} has id '{raw.strip()}', which is not a "
                                   f"plain unsigned number (digits only: no sign, no leading zero, no decimals)",
                          attribute="id", official=invalid)


def untrimmed_id_problems(model, kind: str, code: str):
    """An item id that is fine once trimmed but has spaces around it."""
    for element in model.section(kind).items:
        raw = element.get("id")
        if id_status(raw) == UNTRIMMED:
            yield Problem(element, f"{item_label(model, kind, element)} has spaces around its id '{raw}': write "
                                   f"{raw.strip()}", attribute="id", official=code,
                          fix=Fix.of(trim_attribute(model.document, element, "id"), message="trim the id"))


def duplicate_id_problems(model, kind: str, code: str | None = None):
    """One finding per id several items share (on the second of them; the others are related)."""
    section = model.section(kind)
    label = section.section.label
    for item_id, elements in duplicate_ids(section.valid):
        lines = ", ".join(str(element.sourceline or 1) for element in elements)
        related = tuple((element, f"{item_label(model, kind, element)} also has id {item_id}")
                        for element in elements if element is not elements[1])
        yield Problem(elements[1], f"{len(elements)} {label}s have id {item_id} (lines {lines}): each {label} "
                                   f"needs its own id", attribute="id", official=code, related=related)


def duplicate_name_problems(model, kind: str, code: str | None = None):
    """One finding per name several items (with a readable id) share, ignoring case."""
    section = model.section(kind)
    label = section.section.label
    attribute = "name" if kind == "qaction" else None
    elements = [element for element, _ in section.valid]
    for name, found in duplicate_names(elements, attribute):
        ids = ", ".join((element.get("id") or "").strip() for element in found)
        related = tuple((element, f"{item_label(model, kind, element)} has the same name")
                        for element in found if element is not found[1])
        yield Problem(found[1], f"{len(found)} {label}s are named '{name}' (ids {ids}): give each "
                              f"{label} its own name", attribute=attribute, official=code, related=related)


def owner_item(element, levels: int):
    """The element `levels` parents up (a Pair for its Content/Command: 2), or None."""
    for _ in range(levels):
        if element is None:
            return None
        element = element.getparent()
    return element


def verdicts_of_valid_items(model, rule: str, kind: str, levels: int):
    """The rule's reference verdicts whose item (`levels` parents up from the reference, 0: the
    element itself) has a readable id: the official checks only look at those items."""
    valid = model.section(kind).valid_elements
    for verdict in model.reference_verdicts.get(rule, ()):
        if owner_item(verdict.reference.element, levels) in valid:
            yield verdict


def content_params(model, item) -> list:
    """The existing parameters an item's `Content/Param`s name (each once, in order)."""
    found, seen = [], set()
    for element in children(child(item, "Content"), "Param"):
        param = model.param(text_of(element))
        if param is not None and param.id not in seen:
            seen.add(param.id)
            found.append(param)
    return found


def missing_crc_actions(model, kind: str):
    """(item, crc parameter) for every command or response (`kind`) with a readable id whose
    content holds a `crc` parameter while no trigger before it runs a `crc` action on it: its
    own trigger (On@id its id, Time before) when it has one, else the triggers on `each`."""
    runs = model.runs
    before = runs.triggers_on(kind, "before")
    each_has_crc = any(runs.runs_action(trigger, kind, "crc") for trigger in before if trigger.on_each)
    own_trigger: dict = {}  # On@id as written (any case) -> the first trigger before it
    for trigger in before:
        if trigger.on_id_raw is not None:
            own_trigger.setdefault(trigger.on_id_raw.strip().lower(), trigger)
    for item, _ in model.section(kind).valid:
        crc = [param for param in content_params(model, item) if param.type_text == "crc"]
        if not crc:
            continue
        own = own_trigger.get((item.get("id") or "").lower())
        ok = runs.runs_action(own, kind, "crc") if own is not None else each_has_crc
        if not ok:
            for param in crc:
                yield item, param, own
