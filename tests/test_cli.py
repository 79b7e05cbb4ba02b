"""The installed `dmlint` console script: formats, exit codes, selection and errors."""

from __future__ import annotations

import json
import re

from dmlint import __version__

from conftest import EXAMPLES, FIXTURES, run_dmlint, run_json

EXAMPLE = str(EXAMPLES / "websocket-handshake.xml")
UC3 = str(FIXTURES / "websocket" / "uc3_custom_handshake.xml")
UC4 = str(FIXTURES / "websocket" / "uc4_handshake_dynamic_ip.xml")
TEXT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) "
                       r"\[(?P<severity>error|warning|info)\] (?P<message>.+)$")


def test_text_format_lines_snippets_and_summary():
    result = run_dmlint("check", EXAMPLE)
    assert result.returncode == 1
    out = result.stdout.decode()
    lines = out.splitlines()
    parsed = [TEXT_LINE.match(line) for line in lines]
    findings = [m for m in parsed if m]
    assert [(m["code"], int(m["line"]), int(m["col"])) for m in findings] == [
        ("WS010", 34, 11), ("WS006", 79, 5), ("WS007", 158, 9)]
    # the source line and a caret under the column follow each finding
    index = lines.index(findings[0].group(0))
    assert lines[index + 1].strip() == "<WebSocketHandshake>25</WebSocketHandshake>"
    assert lines[index + 2] == "    " + " " * 10 + "^"
    assert lines[-1] == "3 findings (0 errors, 2 warnings, 1 info) in 1 file; 1 fixable with --fix"
    assert result.stderr == b""


def test_no_snippet_gives_one_line_per_finding():
    out = run_dmlint("check", "--no-snippet", EXAMPLE).stdout.decode().splitlines()
    assert len(out) == 4 and all(TEXT_LINE.match(line) for line in out[:3])


def test_json_contract():
    code, report = run_json("check", EXAMPLE)
    assert code == 1
    assert report["version"] == __version__
    assert report["files_checked"] == 1
    assert report["summary"] == {"error": 0, "warning": 2, "info": 1}
    first = report["findings"][0]
    assert set(first) == {"path", "line", "column", "code", "name", "severity", "message", "skyline"}
    assert (first["code"], first["name"], first["severity"], first["line"]) == (
        "WS010", "handshake-no-reconnect", "info", 34)
    assert first["skyline"] == []


def test_exit_codes_follow_fail_on_and_exit_zero():
    assert run_dmlint("check", UC4).returncode == 0
    # Among the WS rules, UC3 has one warning (WS007) and one info (WS010)
    assert run_dmlint("check", "--select", "WS", UC3).returncode == 1
    assert run_dmlint("check", "--select", "WS", "--fail-on", "error", UC3).returncode == 0
    # ... and HTTP006 (an error: Content@pid 270 names no Param) among all rules
    assert run_dmlint("check", "--fail-on", "error", UC3).returncode == 1
    assert run_dmlint("check", "--select", "WS010", UC3).returncode == 0
    assert run_dmlint("check", "--select", "WS010", "--fail-on", "info", UC3).returncode == 1
    assert run_dmlint("check", "--exit-zero", UC3).returncode == 0


def test_select_and_ignore_take_codes_and_prefixes():
    _, report = run_json("check", "--select", "WS007", UC3)
    assert [f["code"] for f in report["findings"]] == ["WS007"]
    _, report = run_json("check", "--select", "WS", "--ignore", "WS007,WS010", UC3)
    assert report["findings"] == []
    _, report = run_json("check", "--select", "WS", "--ignore", "WS01", UC3)
    assert [f["code"] for f in report["findings"]] == ["WS007"]


def test_unknown_selector_is_a_usage_error():
    result = run_dmlint("check", "--select", "WS999", UC3)
    assert result.returncode == 2
    assert result.stderr.decode() == ("dmlint: error: unknown rule code or prefix in --select: WS999 "
                                      "(did you mean WS009?)\n")  # issue 12, problem 6: with a hint
    result = run_dmlint("check", "--ignore", "ws01o", UC3)
    assert result.returncode == 2 and result.stderr.decode().endswith("(did you mean WS010?)\n")


def test_missing_path_is_exit_2_with_one_line():
    result = run_dmlint("check", "does/not/exist.xml")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["dmlint: error: path does not exist: does/not/exist.xml"]
    assert b"Traceback" not in result.stderr


def test_directory_walk_skips_non_protocols_and_reports_malformed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "protocol.xml").write_bytes((FIXTURES / "websocket" / "uc3_custom_handshake.xml").read_bytes())
    (tmp_path / "sub" / "settings.xml").write_text("<configuration><x/></configuration>")
    (tmp_path / "broken.xml").write_text("<Protocol>\n  <Params>\n</Protocol>\n")
    (tmp_path / ".git" / "hidden.xml").write_text("<Protocol><oops></Protocol>")
    (tmp_path / "notes.txt").write_text("<Protocol><oops></Protocol>")
    result = run_dmlint("check", "--select", "WS,XML", "--format", "json", "--verbose", str(tmp_path),
                        cwd=tmp_path)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["files_checked"] == 2
    by_code = {(f["code"], f["path"].replace("\\", "/").split("/")[-1]) for f in report["findings"]}
    assert by_code == {("XML001", "broken.xml"), ("WS007", "protocol.xml"), ("WS010", "protocol.xml")}
    xml001 = next(f for f in report["findings"] if f["code"] == "XML001")
    assert (xml001["line"], xml001["column"]) == (3, 12)
    assert "skipped" in result.stderr.decode() and "settings.xml" in result.stderr.decode()


def test_explicit_non_protocol_is_never_a_silent_pass(tmp_path):
    """Issue 12, problem 2: a misspelt root given by name printed `0 findings` and nothing else."""
    for name, text, why in [
        ("typo.xml", '<Protocl xmlns="http://www.skyline.be/protocol"/>',
         "the root element is <Protocl> in namespace http://www.skyline.be/protocol, not <Protocol>; "
         "did you mean <Protocol>?"),
        ("lower.xml", "<protocol/>", "the root element is <protocol> (no namespace), not <Protocol>; "
                                     "did you mean <Protocol>?"),
        ("pom.xml", "<project/>", "the root element is <project> (no namespace), not <Protocol>"),
    ]:
        (tmp_path / name).write_text(text)
        result = run_dmlint("check", name, cwd=tmp_path)
        assert result.returncode == 0
        assert result.stderr.decode() == f"dmlint: warning: {name}: not a protocol: {why}; not checked\n"
        assert result.stdout.decode() == "0 findings (0 errors, 0 warnings, 0 infos) in 0 files\n"
    quiet = run_dmlint("check", "-q", "pom.xml", cwd=tmp_path)
    assert quiet.stdout == b"" and quiet.stderr == b"" and quiet.returncode == 0


def test_nothing_checked_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_dmlint("check", "empty", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.decode() == "dmlint: warning: no protocol files found in empty\n"
    (tmp_path / "empty" / "pom.xml").write_text("<project/>")
    result = run_dmlint("check", cwd=tmp_path)  # walked, not named: the walk is what found nothing
    assert result.stderr.decode() == "dmlint: warning: no protocol files found in .\n"


def test_empty_selection_is_a_usage_error():
    for args in (("--select", ""), ("--select", " , "), ("--select", "WS", "--ignore", "WS")):
        result = run_dmlint("check", *args, UC3)
        assert result.returncode == 2 and result.stdout == b"", args
        (line,) = result.stderr.decode().splitlines()
        assert line.startswith("dmlint: error: ") and ("no rule" in line), line


def test_default_path_is_the_current_directory(tmp_path):
    (tmp_path / "protocol.xml").write_bytes((FIXTURES / "websocket" / "uc3_custom_handshake.xml").read_bytes())
    code, report = run_json("check", cwd=tmp_path)
    assert code == 1 and report["files_checked"] == 1
    assert report["findings"][0]["path"] == "protocol.xml"


def test_rules_listing_text_and_json():
    text = run_dmlint("rules").stdout.decode()
    assert re.search(r"^WS001\s+handshake-session-missing\s+error\s+", text, re.M)
    listing = json.loads(run_dmlint("rules", "--format", "json").stdout)
    codes = [r["code"] for r in listing]
    assert codes == sorted(codes)
    assert {f"WS{n:03d}" for n in range(1, 13)} <= set(codes)
    ws004 = next(r for r in listing if r["code"] == "WS004")
    assert ws004["skyline"] == [] and ws004["severity"] == "error"  # no official check for WebSockets
    http006 = next(r for r in listing if r["code"] == "HTTP006")
    assert "8.11.1" in http006["skyline"]


def test_rule_docs_by_code_and_name():
    for key in ("WS007", "ws007", "handshake-response-unused"):
        result = run_dmlint("rule", key)
        assert result.returncode == 0
        out = result.stdout.decode()
        assert out.startswith("WS007 handshake-response-unused")
        for section in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
            assert section in out
        assert "protocol.xsd" in out  # the documented schema trade-off


def test_unknown_rule_suggests_a_close_one():
    result = run_dmlint("rule", "WS0077")
    assert result.returncode == 2
    assert "did you mean" in result.stderr.decode()


def test_version():
    result = run_dmlint("--version")
    assert result.returncode == 0 and __version__ in result.stdout.decode()
