"""The protocol's id-keyed sections: Params, HTTP sessions, Groups, Pairs, Commands, ...

Each section is a row of SECTIONS: where its elements live (direct child paths
from the root, so finding them never scans the tree) and which attribute holds
their id. `ProtocolModel.section(kind)` indexes a section on first use; the
reference sites name a section as their target (`target="group"`), and the
id rules of every family read `items`, `by_id` and `duplicates()` from it.

Adding a section is adding a row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from dmlint.core.ids import read_int
from dmlint.model.elements import child, children


@dataclass(frozen=True)
class Section:
    kind: str  # "group": what reference sites name as their target
    path: tuple[str, ...]  # local names from the root: ("Groups", "Group")
    label: str  # "Group", for messages
    id_attribute: str = "id"


SECTIONS: dict[str, Section] = {section.kind: section for section in (
    Section("param", ("Params", "Param"), "Param"),
    Section("session", ("HTTP", "Session"), "Session"),
    Section("connection", ("Connections", "Connection"), "Connection"),
    Section("group", ("Groups", "Group"), "Group"),
    Section("pair", ("Pairs", "Pair"), "Pair"),
    Section("command", ("Commands", "Command"), "Command"),
    Section("response", ("Responses", "Response"), "Response"),
    Section("trigger", ("Triggers", "Trigger"), "Trigger"),
    Section("action", ("Actions", "Action"), "Action"),
    Section("timer", ("Timers", "Timer"), "Timer"),
    Section("qaction", ("QActions", "QAction"), "QAction"),
    Section("parameter_group", ("ParameterGroups", "Group"), "ParameterGroup"),
    Section("tree_control", ("TreeControls", "TreeControl"), "TreeControl", "parameterId"),
)}


def id_key(raw: str | None) -> str | None:
    """The canonical form of an element id ('007' -> '7', ' -1 ' -> '-1'), None when it is no
    integer. Section ids are compared in this form, so `7` and `07` are the same id."""
    number = read_int(raw)
    if number.digits is None:
        return None
    return "-" + number.digits if number.negative else number.digits


class SectionIndex:
    """One section's elements in document order and by canonical id."""

    def __init__(self, section: Section, root):
        self.section = section
        parent = root
        for name in section.path[:-1]:
            parent = child(parent, name)
        self.block = parent  # the container (Protocol/Groups), None when absent
        self.items: list = children(parent, section.path[-1])
        self.by_id: dict[str, list] = {}
        for element in self.items:
            key = id_key(element.get(section.id_attribute))
            if key is not None:
                self.by_id.setdefault(key, []).append(element)

    def get(self, raw: str | None):
        """The first element whose id the (possibly untrimmed) text names, or None."""
        key = id_key(raw)
        found = self.by_id.get(key) if key is not None else None
        return found[0] if found else None

    def __contains__(self, raw: str | None) -> bool:
        return self.get(raw) is not None

    @cached_property
    def valid(self) -> list[tuple[object, str]]:
        """(element, canonical id) for the items whose id reads as an unsigned 32-bit number the
        way the official validator reads it (`item_ids.uint_id`): the items its checks look at."""
        from dmlint.model.item_ids import uint_id

        found = []
        for element in self.items:
            item_id = uint_id(element.get(self.section.id_attribute))
            if item_id is not None:
                found.append((element, item_id))
        return found

    @cached_property
    def valid_elements(self) -> set:
        """The elements of `valid`, for membership tests."""
        return {element for element, _ in self.valid}

    def duplicates(self):
        """(id, elements) for every id used by more than one element, in document order."""
        for key, elements in self.by_id.items():
            if len(elements) > 1:
                yield key, elements
