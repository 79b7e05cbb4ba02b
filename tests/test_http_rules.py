"""HTTP001-HTTP019 on this project's own fixtures (tests/fixtures/http).

Fixture convention: a comment `<!-- expect: HTTP006 8.9.1 -->` on a line says that
line gets exactly one finding with that dmlint code and that official code. Each
fixture is compared as a multiset of (code, line, official code) over the HTTP
rules' findings, so a missing finding, an extra one or a wrong line all fail.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from dmlint.core.engine import LintSettings, lint_file
from dmlint.core.registry import all_rules

from conftest import FIXTURES, run_dmlint

HTTP_FIXTURES = FIXTURES / "http"
EXPECT = re.compile(r"<!--\s*expect:\s*(HTTP\d{3})\s+([0-9.]+)\s*-->")
HTTP_RULES = [rule for rule in all_rules() if rule.code.startswith("HTTP")]
ALL = LintSettings(frozenset(rule.code for rule in all_rules()))


def expected(path: Path) -> Counter:
    found = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for code, official in EXPECT.findall(line):
            found[(code, number, official)] += 1
    return found


def actual(path: Path) -> Counter:
    report = lint_file(str(path), ALL)
    assert report.checked, report.skipped
    found = Counter()
    for finding in report.findings:
        assert finding.code != "INT001", finding.message
        if finding.code.startswith("HTTP"):
            assert len(finding.skyline) == 1, (finding.code, finding.skyline)
            found[(finding.code, finding.line, finding.skyline[0])] += 1
    return found


def test_clean_protocol_has_no_http_findings():
    """The negative fixture for all rules at once (the per-fixture test checks it too, with an empty expectation)."""
    assert expected(HTTP_FIXTURES / "clean.xml") == Counter()
    assert actual(HTTP_FIXTURES / "clean.xml") == Counter()


def test_rule_metadata():
    assert len(HTTP_RULES) == 19
    for rule in HTTP_RULES:
        assert rule.skyline, rule.code
        assert rule.family == "http"
        for section in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
            assert section in rule.doc, (rule.code, section)
        module_file = rule.module.rsplit(".", 1)[1]
        assert module_file == f"{rule.code.lower()}_{rule.name.replace('-', '_')}", rule.module


def test_cli_json_carries_per_finding_official_code():
    """Through the installed script: --select HTTP, JSON output, one official code per finding."""
    path = HTTP_FIXTURES / "param_refs.xml"
    result = run_dmlint("check", str(path), "--select", "HTTP", "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))
    findings = data["findings"] if isinstance(data, dict) else data
    got = Counter((f["code"], f["line"], tuple(f["skyline"])) for f in findings)
    want = Counter({(code, line, (official,)): n for (code, line, official), n in expected(path).items()})
    assert got == want
    assert all(f["severity"] == "error" for f in findings)  # HTTP006/HTTP007 are errors


def test_cli_clean_fixture_exit_zero():
    result = run_dmlint("check", str(HTTP_FIXTURES / "clean.xml"), "--select", "HTTP")
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()


def test_untrimmed_is_a_warning_and_does_not_fail_on_error():
    path = HTTP_FIXTURES / "session_ids.xml"
    result = run_dmlint("check", str(path), "--select", "HTTP005", "--fail-on", "error", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout.decode("utf-8"))
    findings = data["findings"] if isinstance(data, dict) else data
    assert findings and {f["severity"] for f in findings} == {"warning"}
