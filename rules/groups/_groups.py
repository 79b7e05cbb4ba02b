"""Helpers shared by the GRP rules; not a rule itself."""

from __future__ import annotations

from dmlint.model import child, children
from dmlint.model.flow import dotnet_uint, label, valid_id

ALLOWED_SUFFIXES = ("single", "instance", "tablev2", "getnext")
OBSOLETE_SUFFIXES = {"table": "tablev2"}


def group_label(element) -> str:
    return label("Group", element)


def valid_groups(model):
    """The groups the official group checks look at: those whose id reads as a number."""
    return [group for group in model.section("group").items if valid_id(group.get("id")) is not None]


def content_params(group):
    return children(child(group, "Content"), "Param")


def suffixed(param) -> tuple[str, list[str]] | None:
    """(pid text, suffixes) of a `Group/Content/Param` written `pid:suffix`, None without ':'."""
    value = (param.text or "").strip()
    if ":" not in value:
        return None
    parts = value.split(":")
    return parts[0], parts[1:]


def timers_running(model) -> dict[str, list]:
    """Group id -> the timers whose Content/Group names it (once per mention), in document order."""
    found: dict[str, list] = {}
    for timer in model.timers:
        for entry in timer.content_groups:
            group_id = dotnet_uint(entry.text)
            if group_id is not None:
                found.setdefault(group_id, []).append(timer)
    return found
