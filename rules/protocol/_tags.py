"""Shared by the PROT rules: the basic state of a `Protocol/<Tag>` value (missing, blank, untrimmed)."""

from __future__ import annotations

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model import child

MISSING, EMPTY, UNTRIMMED = "missing", "empty", "untrimmed"


def first_present(root, names):
    """The first of `Protocol/<name>` for `names` (in that order) that exists, or None: where a
    fix inserts a tag that comes after these."""
    return next((found for found in (child(root, name) for name in names) if found is not None), None)


def tag_state(element) -> str | None:
    """missing | empty | untrimmed | None (a value written cleanly)."""
    if element is None:
        return MISSING
    raw = element.text or ""
    if not raw.strip():
        return EMPTY
    if raw != raw.strip():
        return UNTRIMMED
    return None


def tag_problem(model, name: str, codes: dict[str, str], what: str) -> Problem | None:
    """The problem of `Protocol/<name>` when it is missing, blank or untrimmed and the official check
    has a code for that state (`codes`: state -> official code); `what` describes the value."""
    element = child(model.root, name)
    state = tag_state(element)
    code = codes.get(state) if state else None
    if code is None:
        return None
    if state == MISSING:
        return Problem(model.root, f"the protocol has no <{name}>: add it with {what}", official=code)
    if state == EMPTY:
        return Problem(element, f"<{name}> is empty: it should hold {what}", official=code)
    return Problem(element, f"<{name}> '{element.text}' has spaces around its value: remove them", official=code,
                   fix=Fix.of(trim_text(model.document, element), message=f"trim {name}"))
