"""Helpers shared by the TRG rules; not a rule itself."""

from __future__ import annotations

from dmlint.model.sections import SECTIONS


def valid_triggers(model):
    """The triggers the official trigger checks look at: those whose id reads as a number."""
    return [trigger for trigger in model.triggers if trigger.id is not None]


def target_label(target: str) -> str:
    return SECTIONS[target].label
