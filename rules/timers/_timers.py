"""Helpers shared by the TMR rules; not a rule itself."""

from __future__ import annotations


def valid_timers(model):
    """The timers the official timer checks look at: those whose id reads as a number."""
    return [timer for timer in model.timers if timer.id is not None]
