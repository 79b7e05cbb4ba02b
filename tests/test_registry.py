"""Every rule module is complete: metadata, documentation sections, a check or an engine code."""

from __future__ import annotations

import pytest

from dmlint.core.registry import CODE_PATTERN, NAME_PATTERN, all_rules

ENGINE_CODES = {"XML001", "IO001", "INT001"}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert CODE_PATTERN.match(rule.code)
    assert NAME_PATTERN.match(rule.name)
    assert rule.severity in ("error", "warning", "info")
    assert rule.summary and not rule.summary.endswith(".")
    for section in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
        assert section in rule.doc, f"{rule.code} lacks {section}"
    module_file = rule.module.rsplit(".", 1)[1]
    assert module_file == f"{rule.code.lower()}_{rule.name.replace('-', '_')}", "module name must say what it is"


def test_codes_and_names_are_unique():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
