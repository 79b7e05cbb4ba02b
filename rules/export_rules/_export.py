"""Shared by the EXP rules: how an export rule is named in messages."""

from __future__ import annotations


def rule_label(model, element) -> str:
    """'ExportRule 2 (table="1000")': its position among the export rules, and its table."""
    position = next((number for number, item in enumerate(model.export_rules, start=1) if item is element), 0)
    table = element.get("table")
    return f"ExportRule {position}" + (f' (table="{table}")' if table is not None else "")
