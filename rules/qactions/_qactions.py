"""Helpers of the QA rules; not a rule."""

from __future__ import annotations

from dmlint.model.elements import options_of

ENCODINGS = ("csharp", "jscript", "vbscript")  # the encodings DataMiner knows; only csharp is supported


def options(element) -> set[str]:
    """The QAction's options, lower case, without their values ('dllName=x.dll' -> 'dllname')."""
    return {option.partition("=")[0].strip().lower() for option in options_of(element.get("options"))}


def checked_triggers(model):
    """(QAction, its id) for the QActions whose triggers attribute the official check reads: a
    readable id, not `precompile`, not run directly by a timer (`qaction:`, `qactionBefore:`,
    `qactionAfter:`)."""
    timer_run = model.runs.timer_qactions
    for element, qaction_id in model.section("qaction").valid:
        if qaction_id in timer_run or "precompile" in options(element):
            continue
        yield element, qaction_id
