"""Helpers shared by the Group content rules (HTTP015-HTTP019); not a rule itself.

Groups are reached by direct child paths (Protocol/Groups/Group/Content/*), so
each rule is linear in the size of the Groups section.
"""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.core.ids import normalize_id
from dmlint.model import child, children, text_of

GROUP_TYPES = ("poll", "action", "poll action", "poll trigger", "trigger")

# What each group type may contain.
ALLOWED_CONTENT = {
    "poll": ("Param", "Pair", "Session"),
    "action": ("Action",),
    "poll action": ("Action",),
    "trigger": ("Trigger",),
    "poll trigger": ("Trigger",),
}

MAX_ITEMS = 10
MAX_ITEMS_MULTIPLE_GET = 20


def local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


@dataclass(frozen=True)
class Group:
    element: object

    @property
    def raw_id(self) -> str | None:
        return self.element.get("id")

    @property
    def label(self) -> str:
        raw = (self.raw_id or "").strip()
        return f"group {raw}" if raw else "group (no id)"

    @property
    def type_element(self):
        return child(self.element, "Type")

    @property
    def type(self) -> str | None:
        """The group type, 'poll' when absent, None when the Type holds an unknown value."""
        element = self.type_element
        if element is None:
            return "poll"
        value = (text_of(element) or "").lower()
        return value if value in GROUP_TYPES else None

    @property
    def content(self):
        return child(self.element, "Content")

    def items(self) -> list:
        """The element children of Content (comments skipped)."""
        content = self.content
        if content is None:
            return []
        return [item for item in content if isinstance(item.tag, str)]

    @property
    def multiple_get(self) -> bool:
        content = self.content
        return content is not None and (content.get("multipleGet") or "").strip().lower() == "true"


def groups(model) -> list[Group]:
    return [Group(element) for element in children(child(model.root, "Groups"), "Group")]


def multithreaded_group_ids(model) -> set[str]:
    """Ids of the groups run by a multi-threaded timer (a Timer whose options include `ip:`)."""
    found: set[str] = set()
    for timer in children(child(model.root, "Timers"), "Timer"):
        options = [option.strip().lower() for option in (timer.get("options") or "").split(";")]
        if not any(option.startswith("ip:") for option in options):
            continue
        for group in children(child(timer, "Content"), "Group"):
            group_id = normalize_id(group.text)
            if group_id is not None:
                found.add(group_id)
    return found
