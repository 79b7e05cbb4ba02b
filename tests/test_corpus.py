"""Real protocols from ../shared: no crash, no WS finding (none uses WebSockets), malformed -> XML001."""

from __future__ import annotations

import pytest

from dmlint.core.engine import LintSettings, lint_file
from dmlint.core.selection import select_rules

from conftest import run_json, shared_path


def test_all_real_protocols_lint_without_crash_or_ws_finding():
    corpus = shared_path("corpus", "real")
    files = sorted(corpus.glob("*.xml"))
    assert len(files) == 64
    settings = LintSettings(selected=select_rules(select=["ALL"]))
    for path in files:
        report = lint_file(str(path), settings)
        assert report.checked, f"{path.name}: {report.skipped}"
        codes = [f.code for f in report.findings]
        assert not [c for c in codes if c.startswith("WS")], path.name
        assert "INT001" not in codes and "XML001" not in codes, (path.name, codes)


def test_corpus_through_the_installed_script():
    corpus = shared_path("corpus", "real")
    code, report = run_json("check", str(corpus), "--select", "WS,XML,IO,INT")
    assert code == 0
    assert report["files_checked"] == 64
    assert report["findings"] == []


def test_malformed_protocol_is_xml001_at_the_parser_position():
    malformed = shared_path("corpus", "malformed")
    files = sorted(malformed.glob("*.xml"))
    assert files
    code, report = run_json("check", *map(str, files))
    assert code == 1
    xml = [f for f in report["findings"] if f["code"] == "XML001"]
    assert len(xml) == len(files)
    for finding in xml:
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert finding["severity"] == "error"
        assert finding["message"].startswith("malformed XML")


@pytest.mark.parametrize("name", ["SkylineCommunications__SLC-C-TrainingExerciseEncoderDecoder__protocol.xml"])
def test_a_small_real_protocol_is_clean_by_default(name):
    path = shared_path("corpus", "real", name)
    code, report = run_json("check", str(path), "--select", "WS")
    assert code == 0 and report["findings"] == []
