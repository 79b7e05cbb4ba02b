"""Every rule fixture under tests/fixtures/ gives exactly the findings it marks (tests/harness.py)."""

from __future__ import annotations

import pytest

from dmlint.core.registry import all_rules

from conftest import FIXTURES
from harness import compare, coverage, families, fixture_files

# Codes no file can trigger, with the reason; every other rule needs a firing and a silent fixture.
NO_FIXTURE = {
    "IO001": "an unreadable file: tests/test_faults.py makes one",
    "INT001": "a rule failing: tests/test_faults.py injects one",
}


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_gives_exactly_the_marked_findings(path):
    missing, extra = compare(path)
    assert not missing and not extra, (
        "expected but not found: " + ", ".join(f"{e.code}@{e.line}" for e in missing) + "\n"
        "found but not expected:\n" + "\n".join(f"  {f.line}:{f.column} {f.code} {f.skyline} {f.message}"
                                                for f in extra))


def test_every_fixture_folder_is_a_rule_family():
    folders = {path.relative_to(FIXTURES).parts[0] for path in fixture_files()}
    assert folders <= families(), f"fixture folders without a rules/ family: {sorted(folders - families())}"


def test_every_rule_has_a_firing_and_a_silent_fixture():
    firing, silent = coverage()
    problems = []
    for rule in all_rules():
        if rule.code in NO_FIXTURE:
            continue
        if not firing[rule.code]:
            problems.append(f"{rule.code} has no fixture where it fires")
        if not silent[rule.code]:
            problems.append(f"{rule.code} has no fixture where it must stay silent")
    assert not problems, "\n".join(problems)
