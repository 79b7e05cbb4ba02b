"""The rule fixture harness: what a fixture under tests/fixtures/ expects, and what dmlint gives.

Every `*.xml` below `tests/fixtures/<family>/` is a fixture; `<family>` is a folder of
`rules/` (websocket, http, params, ...). A fixture marks each expected finding on its line:

    <Param id="012">  <!-- expect: PRM001 -->
    <Header key="A" pid="99"/>  <!-- expect: HTTP006 8.11.1 -->
    <Session id=" 1">  <!-- expect: HTTP005:12 8.16.3, HTTP001 -->

An item is a rule code, optionally `:COLUMN`, optionally the official code; several
items are separated by commas and a code may repeat. Which rules a fixture speaks about:

- a file named `<code>_*.xml` (e.g. `ws004_invalid.xml`): that rule;
- otherwise every rule of its family folder;
- a comment `<!-- compare: WS004, HTTP -->` anywhere in the file replaces either
  (selectors as on the command line: codes, prefixes, official codes);
- and in every case the rules its markers name.

Findings of the compared rules must match the markers exactly (as a multiset; column and
official code only where a marker gives them). A fixture with no marker for a compared rule
is a silent fixture for that rule.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.registry import all_rules
from dmlint.core.selection import expand

from conftest import FIXTURES

MARKER = re.compile(r"<!--\s*expect:\s*(.*?)\s*-->")
COMPARE = re.compile(r"<!--\s*compare:\s*(.*?)\s*-->")
ITEM = re.compile(r"^(?P<code>[A-Z]{2,5}\d{3})(?::(?P<column>\d+))?(?:\s+(?P<official>\d+\.\d+\.\d+))?$")
RULE_FILE = re.compile(r"^([a-z]+\d{3})_")


@dataclass(frozen=True)
class Expected:
    code: str
    line: int
    column: int | None = None
    official: str | None = None

    def matches(self, finding) -> bool:
        return (finding.code == self.code and finding.line == self.line
                and (self.column is None or finding.column == self.column)
                and (self.official is None or self.official in finding.skyline))


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.rglob("*.xml"))


def families() -> set[str]:
    return {rule.family for rule in all_rules()}


def expectations(path: Path) -> list[Expected]:
    found = []
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MARKER.finditer(line):
            for item in match.group(1).split(","):
                parsed = ITEM.match(item.strip())
                if parsed is None:
                    raise ValueError(f"{path.name}:{number}: cannot read expect item {item.strip()!r}")
                column = parsed.group("column")
                found.append(Expected(parsed.group("code"), number, int(column) if column else None,
                                      parsed.group("official")))
    return found


def compared_codes(path: Path) -> frozenset[str]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    marked = {expected.code for expected in expectations(path)}
    directive = COMPARE.search(text)
    if directive:
        return expand([part.strip() for part in directive.group(1).split(",")], f"{path.name} compare") | marked
    rule = RULE_FILE.match(path.name)
    if rule:
        return frozenset({rule.group(1).upper()} | marked)
    family = path.relative_to(FIXTURES).parts[0]
    return frozenset(rule.code for rule in all_rules() if rule.family == family) | marked


def lint_fixture(path: Path, codes: frozenset[str]):
    schema = any(code.startswith("XSD") for code in codes)
    settings = LintSettings(selected=codes | {"INT001"}, schema_validation=schema)
    return lint_bytes(str(path), path.read_bytes(), settings)


def compare(path: Path) -> tuple[list[Expected], list]:
    """(expectations no finding met, findings no expectation explains) for one fixture."""
    codes = compared_codes(path)
    report = lint_fixture(path, codes)
    findings = [finding for finding in report.findings if finding.code in codes or finding.code == "INT001"]
    missing = []
    # The most specific expectations first, so a bare marker does not take a finding a precise one needs.
    for expected in sorted(expectations(path), key=lambda e: (e.column is None, e.official is None)):
        match = next((finding for finding in findings if expected.matches(finding)), None)
        if match is None:
            missing.append(expected)
        else:
            findings.remove(match)
    return missing, findings


def coverage() -> tuple[Counter, Counter]:
    """(fixtures where each rule fires, fixtures where each compared rule stays silent)."""
    firing, silent = Counter(), Counter()
    for path in fixture_files():
        marked = {expected.code for expected in expectations(path)}
        for code in compared_codes(path):
            (firing if code in marked else silent)[code] += 1
    return firing, silent
