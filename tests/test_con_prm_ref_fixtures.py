"""CON, PRM and REF rules on the project's own fixtures.

Every fixture under tests/fixtures/{con,prm,ref}/ marks the line of each expected
finding with `<!-- expect: CODE[, CODE...] -->`. The test runs every rule of the
fixture's family (also the rules that are off by default) through the real engine
and compares the (code, line) multiset with the marks. A fixture without marks must
give no finding of its family.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.registry import all_rules

from conftest import FIXTURES

FAMILIES = ("con", "prm", "ref")
EXPECT = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->")


def fixture_files():
    files = []
    for family in FAMILIES:
        files.extend(sorted((FIXTURES / family).glob("*.xml")))
    return files


def expected(path: Path) -> Counter:
    marks: Counter = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for match in EXPECT.finditer(line):
            for code in match.group(1).split(","):
                marks[(code.strip(), number)] += 1
    return marks


def family_codes(family: str) -> frozenset[str]:
    return frozenset(rule.code for rule in all_rules() if rule.code.startswith(family.upper()))


def findings_for(path: Path, codes: frozenset[str]):
    report = lint_bytes(str(path), path.read_bytes(), LintSettings(selected=codes))
    return report.findings


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_findings_match_marks(path):
    codes = family_codes(path.parent.name)
    findings = findings_for(path, codes)
    assert not [f for f in findings if f.code == "INT001"], "a rule crashed"
    got = Counter((f.code, f.line) for f in findings if f.code in codes)
    assert got == expected(path), "\n".join(f"{f.line}: {f.code} {f.message}" for f in findings)


def test_every_family_rule_has_a_positive_and_a_negative_fixture():
    """Each rule is expected somewhere, and some fixture of its family is free of it."""
    for family in FAMILIES:
        files = sorted((FIXTURES / family).glob("*.xml"))
        marks = {path: {code for code, _ in expected(path)} for path in files}
        for code in family_codes(family):
            assert any(code in codes for codes in marks.values()), f"{code} has no positive fixture"
            assert any(code not in codes for codes in marks.values()), f"{code} has no negative fixture"
