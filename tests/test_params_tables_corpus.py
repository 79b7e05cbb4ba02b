"""The table, SNMP, position and exception rules (PRM201-PRM231) on the 64 real protocols.

No rule crashes (INT001), and wherever a real protocol carries a `<!-- SuppressValidator
CODE -->` range for an official code these rules claim (proof that the official validator
reported it there), dmlint reports that code inside the range: on the finding's own line or
on one of its related places (the official sub-results, e.g. every page of a 2.22.7
casing finding).
"""

from __future__ import annotations

from test_http_corpus import suppress_ranges

from dmlint.core.engine import LintSettings, lint_file
from dmlint.core.registry import all_rules

from conftest import shared_path

CODES = frozenset(rule.code for rule in all_rules() if rule.code.startswith("PRM2"))
OFFICIAL = {code for rule in all_rules() if rule.code in CODES for code in rule.skyline}
# Sub-result codes and the top-level code whose finding lists them as related places.
SUB_RESULTS = {"2.22.6": "2.22.7", "2.40.6": "2.40.7", "2.53.2": "2.53.1", "2.78.3": "2.78.2", "2.78.4": "2.78.2",
               "2.78.5": "2.78.2", "2.78.6": "2.78.2"}
SETTINGS = LintSettings(CODES | {"INT001"})


def _covers(finding, code, first, last) -> bool:
    if code not in finding.skyline and SUB_RESULTS.get(code) not in finding.skyline:
        return False
    lines = [finding.line] + [line for line, _column, _message in finding.related]
    return any(first <= line <= last for line in lines)


def test_real_protocols_no_crash_and_suppressed_codes_are_found():
    files = sorted(shared_path("corpus", "real").glob("*.xml"))
    assert len(files) >= 60
    checked = set()
    for path in files:
        report = lint_file(str(path), SETTINGS)
        assert not [f for f in report.findings if f.code == "INT001"], path.name
        text = path.read_bytes().decode("utf-8-sig", errors="replace").lstrip("\ufeff")
        for code, first, last in suppress_ranges(text):
            if code not in OFFICIAL:
                continue
            checked.add(code)
            found = [f for f in list(report.suppressed) + list(report.findings) if _covers(f, code, first, last)]
            assert found, f"{path.name}: official {code} suppressed on lines {first}-{last}, dmlint finds nothing"
    # The corpus has such ranges for 2.22.6, 2.39.3, 2.40.1, 2.44.5 and 2.53.1.
    assert {"2.22.6", "2.39.3", "2.40.1", "2.44.5", "2.53.1"} <= checked
