"""Agreement with the official validator on its own HTTP test samples.

Reads ../shared/conformance/skyline (skips without it). Each sample is a minimal
fragment meant for one official check family (e.g. HTTP/Session/CheckIdAttribute,
codes 8.16.x). For each sample we lint it with every dmlint rule, keep the
findings of the HTTP rules only (the WS rules check the handshake session and
declare some of the same official codes; they never fire on these samples, and
counting them would double-count), map each finding to its official code, keep
the codes of the sample's family, and compare that multiset with the official
expected results (one per top-level result; sub-results are not counted).

A sample that does not agree must be listed in docs/official/conformance.md with the reason.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dmlint.core.engine import LintSettings, lint_file
from dmlint.core.registry import all_rules, rules_by_code

from conftest import REPO, shared_path

THRESHOLD = 0.95
SEVERITY_MAP = {"Critical": "error", "Major": "error", "Minor": "warning", "Warning": "warning"}
# Rules whose severity differs from the official mapping on purpose (reason in the rule's doc).
SEVERITY_EXCEPTIONS = {"HTTP009"}  # official Major but Uncertain: vendor headers are legitimate


def check_prefix(code: str) -> str:
    """'8.16.5' -> '8.16' (category.check)."""
    return ".".join(code.split(".")[:2])


@pytest.fixture(scope="module")
def samples():
    base = shared_path("conformance", "skyline")
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))
    family_checks: dict[str, set[str]] = {}
    for sample in manifest:
        family_checks.setdefault(sample["family"], set()).update(check_prefix(e["code"]) for e in sample["expected"])
    settings = LintSettings(frozenset(rule.code for rule in all_rules()))
    results = []
    for sample in manifest:
        report = lint_file(str(base / sample["file"]), settings)
        checks = family_checks[sample["family"]]
        http = [f for f in report.findings if f.code.startswith("HTTP")]
        got = Counter(code for f in http for code in f.skyline if check_prefix(code) in checks)
        want = Counter(e["code"] for e in sample["expected"])
        results.append({"sample": sample, "findings": http, "all_findings": report.findings,
                        "got": got, "want": want, "agree": got == want})
    return results


def _agreement(results, prefix: str):
    chosen = [r for r in results if r["sample"]["family"].startswith(prefix)]
    agreeing = sum(r["agree"] for r in chosen)
    return chosen, agreeing


@pytest.mark.parametrize("prefix", ["HTTP/", "Groups/"])
def test_agreement_with_official_samples(samples, prefix, record_property):
    chosen, agreeing = _agreement(samples, prefix)
    assert chosen, f"no {prefix} samples in the manifest"
    ratio = agreeing / len(chosen)
    record_property(f"agreement_{prefix.strip('/')}", f"{agreeing}/{len(chosen)}")
    print(f"\n{prefix} samples agreeing exactly with the official validator: {agreeing}/{len(chosen)} "
          f"({ratio:.1%})")
    for result in chosen:
        if not result["agree"]:
            print(f"  DIFFERS {result['sample']['file']}: got {sorted(result['got'].elements())}, "
                  f"expected {sorted(result['want'].elements())}")
    assert ratio >= THRESHOLD


def test_disagreements_are_documented(samples):
    doc = (REPO / "docs" / "official" / "conformance.md").read_text(encoding="utf-8")
    assert "Samples we do not match" in doc
    undocumented = [Path(r["sample"]["file"]).name for r in samples
                    if not r["agree"] and Path(r["sample"]["file"]).name not in doc]
    assert not undocumented, f"list these samples and why in docs/official/conformance.md: {undocumented}"


def test_no_rule_crashes_on_samples(samples):
    for result in samples:
        assert all(f.code != "INT001" for f in result["all_findings"]), result["sample"]["file"]


def test_valid_samples_get_no_finding_of_their_family(samples):
    for result in samples:
        if result["sample"]["kind"] == "valid":
            assert not result["got"], (result["sample"]["file"], result["got"])


def test_severities_follow_the_official_ones(samples):
    rules = rules_by_code()
    for result in samples:
        for finding in result["findings"]:
            official = {e["code"]: e["severity"] for e in result["sample"]["expected"]}
            for code in finding.skyline:
                if code in official and finding.code not in SEVERITY_EXCEPTIONS:
                    assert rules[finding.code].severity == SEVERITY_MAP[official[code]], (finding.code, code)


def test_every_expected_official_code_is_declared_by_an_http_rule(samples):
    declared = {code for rule in all_rules() if rule.code.startswith("HTTP") for code in rule.skyline}
    expected = {e["code"] for r in samples for e in r["sample"]["expected"]}
    assert expected <= declared, sorted(expected - declared)
