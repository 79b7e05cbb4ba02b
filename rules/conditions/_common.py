"""Helpers shared by the condition rules (COND001-COND003); not a rule itself."""

from __future__ import annotations

from dmlint import catalogue


def official(site, error_name: str) -> str:
    """The official code of an error of the owner's condition check (3.35, 4.9, ... 9.7)."""
    return catalogue.code_for(site.check, "", error_name) or ""


def near(issue, limit: int = 40) -> str:
    """' at character N' for an issue that points inside the condition text."""
    if issue.end <= issue.start:
        return ""
    return f" (at character {issue.start + 1})"
