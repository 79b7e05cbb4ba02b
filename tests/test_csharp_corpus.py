"""The QAction C# rules (QA1xx) on the 64 real public protocols (../shared/corpus/real).

- No rule crashes (INT001) on any of their 277 QActions, and none of them has a syntax error.
- The findings are exactly the ones reviewed in docs/official/conformance.md.
- Real protocols changed in memory (never copied into the repository) give the findings the
  change calls for, on the line and column of the C# construct.
"""

from __future__ import annotations

from dmlint.core.engine import LintSettings, lint_bytes, lint_file
from dmlint.core.registry import all_rules

from conftest import shared_path

QA_CODES = frozenset(rule.code for rule in all_rules() if rule.code.startswith("QA1"))
SETTINGS = LintSettings(QA_CODES | {"INT001"}, schema_validation=False)
INTER_APP = "SkylineCommunications__SLC-C-Example_Inter-App-Calls__FromSVN_protocol.xml"

# (file, line, column, rule, official code): reviewed against the code, see the conformance page.
REVIEWED = {
    (INTER_APP, 7300, 47, "QA114", "3.6.2"),
    (INTER_APP, 7303, 55, "QA114", "3.6.2"),
    (INTER_APP, 7456, 27, "QA114", "3.7.2"),
}


def test_real_protocols_give_the_reviewed_findings():
    files = sorted(shared_path("corpus", "real").glob("*.xml"))
    assert len(files) >= 60
    found = set()
    for path in files:
        report = lint_file(str(path), SETTINGS)
        assert not [f for f in report.findings if f.code in ("INT001", "QA101")], path.name
        found |= {(path.name, f.line, f.column, f.code, f.skyline[0]) for f in report.findings}
    assert found == REVIEWED


def _changed(replacements: list[tuple[str, str]]) -> bytes:
    text = (shared_path("corpus", "real") / INTER_APP).read_text(encoding="utf-8-sig")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def test_a_removed_parameter_and_trigger_are_found_in_the_code():
    data = _changed([('<Param id="101" trending="false">', '<Param id="1101" trending="false">'),
                     ('<Trigger id="1">', '<Trigger id="11">')])
    report = lint_bytes(INTER_APP, data, SETTINGS)
    got = {(f.line, f.column, f.code, f.skyline[0]) for f in report.findings}
    assert (7456, 27, "QA113", "3.7.1") in got  # protocol.SetParameter(101, Data);
    assert (7457, 27, "QA120", "3.3.1") in got  # protocol.CheckTrigger(1);


def test_a_time_stamp_on_a_parameter_without_history_set():
    data = _changed([("protocol.SetParameter(101, Data);", "protocol.SetParameter(101, Data, System.DateTime.Now);")])
    report = lint_bytes(INTER_APP, data, SETTINGS)
    got = {(f.line, f.code, f.skyline[0]) for f in report.findings}
    assert {(7456, "QA114", "3.7.2"), (7456, "QA115", "3.7.3")} <= got
