"""Read `<!-- expect: CODE -->` markers from fixture files.

A marker on a line says a finding with that code is expected on that line (several
codes may be listed, comma-separated, and a code may repeat). Which findings a
fixture is compared against: a file named `<code>_*.xml` is about that one rule;
any other file is compared against every code of its folder's family (the folder
`ws` -> codes starting with WS).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->")
RULE_FILE = re.compile(r"^([a-z]+\d{3})_")


def expected_findings(path: Path) -> Counter:
    expected: Counter = Counter()
    text = path.read_bytes().decode("utf-8-sig")
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MARKER.finditer(line):
            for code in match.group(1).split(","):
                if code.strip():
                    expected[(code.strip(), number)] += 1
    return expected


def compared_codes(path: Path):
    """A predicate telling which finding codes the fixture speaks about."""
    rule = RULE_FILE.match(path.name)
    if rule:
        code = rule.group(1).upper()
        return lambda finding_code: finding_code == code
    family = path.parent.name.upper()
    return lambda finding_code: finding_code.startswith(family)
