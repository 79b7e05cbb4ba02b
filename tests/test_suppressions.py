"""Inline suppressions: dmlint ranges, disable-next, disable-file, SuppressValidator, SUP001, --show-suppressed."""

from __future__ import annotations

import json

from conftest import run_dmlint
from protocol_variants import edit, example_text, line_of, write

PARAM_8 = '    <Param id="8" trending="false">'
RESPONSE = '        <Response statusCode="220">'
HEADER = '<Header key="Sec-WebSocket-Extensions" pid="9"></Header>'


def _check(tmp_path, text, *args):
    write(tmp_path, "protocol.xml", text)
    result = run_dmlint("check", "protocol.xml", "--format", "json", *args, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def _found(report):
    # These tests are about the WS rules and suppression comments; other families (HTTP...) may
    # also fire on the edited example and are not what is being checked here.
    return sorted((f["code"], f["line"]) for f in report["findings"]
                  if not f.get("suppressed") and f["code"].startswith(("WS", "SUP", "XML", "HTTP006")))


def test_range_disable_enable(tmp_path):
    text = edit(example_text(), PARAM_8, "    <!-- dmlint: disable=WS006,WS007 URL fixed by the vendor -->\n" + PARAM_8)
    text = edit(text, "  </Params>", "  </Params>\n  <!-- dmlint: enable=WS006,WS007 -->")
    comment_line = line_of(text, "dmlint: disable=")
    _, report = _check(tmp_path, text)
    # WS006 is inside the range; WS007 (the Response, after enable) is not, so WS007 in the comment is unused.
    assert _found(report) == sorted([("WS010", 34), ("WS007", line_of(text, RESPONSE)), ("SUP001", comment_line)])
    sup = next(f for f in report["findings"] if f["code"] == "SUP001")
    assert "WS007" in sup["message"] and "WS006" not in sup["message"]
    assert sup["severity"] == "warning" and sup["column"] == 5


def test_range_without_enable_runs_to_the_end(tmp_path):
    text = edit(example_text(), "  <Params>", "  <!-- dmlint: disable=WS -->\n  <Params>")
    _, report = _check(tmp_path, text)
    assert _found(report) == [("WS010", 34)]  # before the comment


def test_disable_next_covers_the_element_and_its_subtree_only(tmp_path):
    text = edit(example_text(), HEADER, '<Header key="X-Token"/>\n            <Header key="X-Other"/>')
    text = edit(text, "          <Headers>", "          <!-- dmlint: disable-next=WS004 tokens come later -->\n"
                                              "          <Headers>")
    text = edit(text, PARAM_8, "    <!-- dmlint: disable-next=ws006 -->\n" + PARAM_8)  # lower case works
    _, report = _check(tmp_path, text)
    assert _found(report) == sorted([("WS010", 34), ("WS007", line_of(text, RESPONSE))])
    assert len([f for f in report["findings"] if f["code"] == "WS004"]) == 0
    # Before another element (Param 9) it silences nothing: WS006 stays and the comment is SUP001.
    text = edit(example_text(), '    <Param id="9"', '    <!-- dmlint: disable-next=WS006 -->\n    <Param id="9"')
    _, report = _check(tmp_path, text)
    assert ("WS006", line_of(text, PARAM_8)) in _found(report)
    assert ("SUP001", line_of(text, "dmlint: disable-next")) in _found(report)


def test_disable_file_before_the_root_with_prefix(tmp_path):
    text = edit(example_text(), '<Protocol xmlns', "<!-- dmlint: disable-file=WS010 reconnect handled by DMA -->\n"
                                                   '<Protocol xmlns')
    _, report = _check(tmp_path, text)
    assert [code for code, _ in _found(report)] == ["WS006", "WS007"]
    text = edit(example_text(), "  <HTTP>", "  <!-- dmlint: disable-file=WS0 -->\n  <HTTP>")
    code, report = _check(tmp_path, text)
    assert _found(report) == [] and code == 0


def test_suppress_validator_ranges_silence_rules_declaring_the_code(tmp_path):
    # HTTP006 declares the official code 8.11.1; WS006 declares none.
    broken = edit(example_text(), HEADER, '<Header key="X-Token" pid="404"/>')
    _, report = _check(tmp_path, broken)
    assert ("HTTP006", line_of(broken, 'key="X-Token"')) in _found(report)
    text = edit(broken, "          <Headers>", "          <!-- SuppressValidator 8.11.1 token param added at "
                                                "runtime -->\n          <Headers>")
    text = edit(text, "          </Headers>", "          </Headers>\n          <!-- /SuppressValidator 8.11.1 -->")
    # Official-validator comments that no dmlint rule shares, or that silence nothing here, are left alone.
    text = edit(text, PARAM_8, "    <!-- SuppressValidator 2.5.1 legacy -->\n" + PARAM_8)
    text = edit(text, "  </Params>", "  </Params>\n  <!-- /SuppressValidator 2.5.1 -->")
    text = edit(text, "  <Commands>", "  <!-- PostponeValidator 8.9.1 later -->\n  <Commands>\n"
                                      "  <!-- /PostponeValidator 8.9.1 -->")
    _, report = _check(tmp_path, text)
    codes = [code for code, _ in _found(report)]
    assert "HTTP006" not in codes and "SUP001" not in codes
    assert "WS006" in codes  # 2.5.1 is not a code WS006 declares
    # PostponeValidator works the same way.
    text = edit(broken, "          <Headers>", "          <!-- PostponeValidator 8.11.1 -->\n          <Headers>")
    _, report = _check(tmp_path, text)
    assert "HTTP006" not in [code for code, _ in _found(report)]


def test_sup001_for_unknown_malformed_and_unmatched_comments(tmp_path):
    text = edit(example_text(), "  <Params>", "  <!-- dmlint: disable=WS999 -->\n"
                                              "  <!-- dmlint: disabel=WS006 -->\n"
                                              "  <!-- dmlint: enable=WS006 -->\n"
                                              "  <!-- a normal comment mentioning dmlint: disable=WS006 -->\n"
                                              "  <Params>")
    _, report = _check(tmp_path, text)
    sup = {f["line"]: f["message"] for f in report["findings"] if f["code"] == "SUP001"}
    first = line_of(text, "WS999")
    assert set(sup) == {first, first + 1, first + 2}
    assert "WS999" in sup[first] and "not a dmlint rule" in sup[first]
    assert "cannot read" in sup[first + 1]
    assert "closes no" in sup[first + 2]
    assert "WS006" in [f["code"] for f in report["findings"]]  # nothing above silenced it


def test_sup001_only_for_rules_that_ran_and_can_be_ignored(tmp_path):
    text = edit(example_text(), PARAM_8, "    <!-- dmlint: disable-next=WS012 -->\n" + PARAM_8)
    _, report = _check(tmp_path, text)
    assert "SUP001" in [code for code, _ in _found(report)]
    _, report = _check(tmp_path, text, "--select", "WS006,SUP001")  # WS012 did not run: no verdict
    assert [code for code, _ in _found(report)] == ["WS006"]
    _, report = _check(tmp_path, text, "--ignore", "SUP001")
    assert "SUP001" not in [code for code, _ in _found(report)]
    silenced = edit(text, '<Protocol xmlns', '<!-- dmlint: disable-file=SUP001 -->\n<Protocol xmlns')
    _, report = _check(tmp_path, silenced)
    assert "SUP001" not in [code for code, _ in _found(report)]


def test_show_suppressed_in_json_and_sarif(tmp_path):
    text = edit(example_text(), PARAM_8, "    <!-- dmlint: disable-next=WS006 URL is fixed by design -->\n" + PARAM_8)
    code, report = _check(tmp_path, text, "--fail-on", "warning", "--ignore", "WS007")
    assert code == 0  # WS010 is info; the suppressed WS006 does not count
    assert [f["code"] for f in report["findings"]] == ["WS010"]
    code, report = _check(tmp_path, text, "--ignore", "WS007", "--show-suppressed")
    assert code == 0
    (suppressed,) = [f for f in report["findings"] if f.get("suppressed")]
    assert suppressed["code"] == "WS006" and suppressed["line"] == line_of(text, PARAM_8)
    assert "URL is fixed by design" in suppressed["suppression"]
    assert report["summary"] == {"error": 0, "warning": 0, "info": 1}
    result = run_dmlint("check", "protocol.xml", "--format", "sarif", "--show-suppressed", cwd=tmp_path)
    results = json.loads(result.stdout)["runs"][0]["results"]
    ws006 = next(r for r in results if r["ruleId"] == "WS006")
    assert ws006["suppressions"][0]["kind"] == "inSource"
    assert "URL is fixed by design" in ws006["suppressions"][0]["justification"]
    assert all("suppressions" not in r for r in results if r["ruleId"] != "WS006")
    plain = run_dmlint("check", "protocol.xml", "--no-snippet", cwd=tmp_path).stdout.decode()
    assert "WS006" not in plain  # silenced findings are listed only when asked for
    # issue 12, problem 7: --show-suppressed did nothing in the text format
    shown = run_dmlint("check", "protocol.xml", "--show-suppressed", "--no-snippet", cwd=tmp_path)
    lines = shown.stdout.decode().splitlines()
    (ws006,) = [line for line in lines if " WS006 " in line]
    assert ws006.startswith(f"protocol.xml:{line_of(text, PARAM_8)}:5: WS006 [warning] ")
    assert ws006.endswith("(suppressed: dmlint: disable-next=WS006 URL is fixed by design)")
    assert lines[-1].endswith("in 1 file; 1 suppressed shown above") and lines[-1].startswith("2 findings")
    assert shown.returncode == 1  # WS007 (a warning) fails; the suppressed WS006 never counts
    for fmt in ("github", "junit", "gitlab"):
        refused = run_dmlint("check", "protocol.xml", "--show-suppressed", "--format", fmt, cwd=tmp_path)
        assert refused.returncode == 2 and refused.stdout == b""
        assert refused.stderr.decode() == (f"dmlint: error: --show-suppressed works with --format text, json or "
                                           f"sarif; {fmt} has no way to mark a finding as suppressed\n")


def test_bare_enable_closes_every_open_range(tmp_path):
    text = edit(example_text(), "  <Params>", "  <!-- dmlint: disable=WS006 -->\n  <!-- dmlint: disable=WS009 -->\n"
                                              "  <Params>")
    text = edit(text, '    <Param id="9"', "    <!-- dmlint: enable -->\n    <Param id=\"9\"")
    _, report = _check(tmp_path, text, "--ignore", "WS007")
    found = _found(report)
    assert ("WS006", line_of(text, PARAM_8)) not in found  # inside the range
    # WS009 found nothing in its range: SUP001 on its line; the range did close (no further noise).
    assert found == sorted([("WS010", 34), ("SUP001", line_of(text, "disable=WS009"))])


def test_real_protocols_with_suppress_validator_comments_need_no_new_annotations():
    from conftest import shared_path

    corpus = shared_path("corpus", "real")
    files = sorted(corpus.glob("*.xml"))
    with_comments = [f for f in files if b"SuppressValidator" in f.read_bytes()]
    assert len(with_comments) >= 10
    result = run_dmlint("check", *map(str, with_comments), "--format", "json", "--show-suppressed")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["files_checked"] == len(with_comments)
    assert [f for f in report["findings"] if f["code"] in ("SUP001", "INT001")] == []


def test_suppress_validator_silences_only_findings_with_its_official_code(tmp_path):
    """Before, a SuppressValidator range silenced every finding of the rules claiming the code."""
    write(tmp_path, "p.xml", """<Protocol xmlns="http://www.skyline.be/protocol">
  <Params>
    <!-- SuppressValidator 2.1.2 empty ids are generated here -->
    <Param><Name>a</Name></Param>
    <Param id=""><Name>b</Name></Param>
    <!-- /SuppressValidator 2.1.2 -->
  </Params>
</Protocol>
""")
    result = run_dmlint("check", "--select", "PRM001", "--show-suppressed", "--format", "json", "p.xml", cwd=tmp_path)
    found = [(f["line"], f["skyline"], f.get("suppressed", False)) for f in json.loads(result.stdout)["findings"]]
    assert found == [(4, ["2.1.1"], False), (5, ["2.1.2"], True)]
    assert result.returncode == 1
