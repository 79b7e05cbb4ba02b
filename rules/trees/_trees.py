"""Shared by the TREE rules: a tree control problem of the model as a Problem."""

from __future__ import annotations

from dmlint.core.fixes import Fix, replace_attribute_value, replace_text
from dmlint.core.problem import Problem


def problems(model, kind: str, *, fixable: bool = False):
    """The problems of one kind (model.tree_control_issues), each with its sub-results as related
    notes; `fixable`: offer to write the value cleanly."""
    for issue in model.tree_control_issues.get(kind, ()):
        fix = None
        if fixable and issue.trimmed is not None:
            if issue.attribute is not None:
                edit = replace_attribute_value(model.document, issue.element, issue.attribute, issue.trimmed)
            else:
                edit = replace_text(model.document, issue.element, issue.trimmed)
            fix = Fix.of(edit, message=f"write '{issue.trimmed}'")
        yield Problem(issue.element, f"{issue.tree.label}: {issue.text}", attribute=issue.attribute,
                      official=issue.official, related=tuple((issue.element, note) for note in issue.notes), fix=fix)
