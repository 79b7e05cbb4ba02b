"""Baselines: keyed by path, code and element identity, never by line; stale entries reported."""

from __future__ import annotations

import json

from conftest import run_dmlint
from protocol_variants import edit, example_text, write

PARAM_8 = '<Param id="8" trending="false">'


def _json(tmp_path, *args, cwd=None):
    result = run_dmlint("check", *args, "--format", "json", cwd=cwd or tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return result, json.loads(result.stdout)


def test_write_then_apply(tmp_path):
    write(tmp_path, "drivers/a/protocol.xml", example_text())
    result = run_dmlint("check", "drivers", "--write-baseline", "dmlint-baseline.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"3 finding(s) in 3 entries" in result.stderr
    baseline = json.loads((tmp_path / "dmlint-baseline.json").read_text(encoding="utf-8"))
    entries = baseline["entries"]
    assert {(e["path"], e["code"], e["identity"], e["count"]) for e in entries} == {
        ("drivers/a/protocol.xml", "WS006", "Protocol/Params/Param[@id=8]", 1),
        ("drivers/a/protocol.xml", "WS007", "Protocol/HTTP/Session[@id=25]/Connection[@id=1]/Response", 1),
        ("drivers/a/protocol.xml", "WS010",
         "Protocol/Connections/Connection[@id=1]/Http/CommunicationOptions/WebSocketHandshake", 1),
    }
    assert all("line" not in entry for entry in entries)
    result, report = _json(tmp_path, "drivers", "--baseline", "dmlint-baseline.json")
    assert result.returncode == 0 and report["findings"] == []
    assert report["baseline"]["hidden"] == 3 and report["baseline"]["stale"] == 0
    assert result.stderr == b""


def test_survives_inserted_lines_and_reports_only_new_findings(tmp_path):
    write(tmp_path, "protocol.xml", example_text())
    assert run_dmlint("check", "protocol.xml", "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    text = edit(example_text(), "  <Compliancies>",
                "  <!-- twenty new lines -->\n" + "\n" * 20 + "  <Compliancies>")
    text = edit(text, '<Header key="Sec-WebSocket-Extensions" pid="9"></Header>',
                '<Header key="Sec-WebSocket-Extensions" pid="9"></Header>\n<Header key="Authorization"/>')
    write(tmp_path, "protocol.xml", text)
    result, report = _json(tmp_path, "protocol.xml", "--baseline", "base.json")
    assert result.returncode == 1
    assert [(f["code"], f["message"].split(" in ")[0]) for f in report["findings"]] == [
        ("WS004", "handshake header 'Authorization'")]
    assert report["baseline"]["hidden"] == 3


def test_a_second_finding_on_a_baselined_element_is_new(tmp_path):
    two = edit(example_text(), '<Header key="Sec-WebSocket-Extensions" pid="9"></Header>',
               '<Header key="X-A"/>')
    write(tmp_path, "protocol.xml", two)
    run_dmlint("check", "protocol.xml", "--write-baseline", "base.json", cwd=tmp_path)
    write(tmp_path, "protocol.xml", edit(two, '<Header key="X-A"/>', '<Header key="X-A"/><Header key="X-A"/>'))
    result, report = _json(tmp_path, "protocol.xml", "--baseline", "base.json")
    # counted: one was baselined, one is new
    assert [f["code"] for f in report["findings"] if f["code"].startswith("WS")] == ["WS004"]
    assert result.returncode == 1


def test_stale_entries_are_reported(tmp_path):
    write(tmp_path, "protocol.xml", example_text())
    write(tmp_path, "other.xml", example_text())
    run_dmlint("check", ".", "--write-baseline", "base.json", cwd=tmp_path)
    write(tmp_path, "protocol.xml", edit(example_text(), PARAM_8, '<Param id="8" trending="false" save="true">'))
    result, report = _json(tmp_path, "protocol.xml", "--baseline", "base.json")
    assert result.returncode == 0 and report["findings"] == []
    # Only the checked file's entries can be stale: other.xml was not checked in this run.
    assert report["baseline"]["stale"] == 1
    (stale,) = report["baseline"]["stale_entries"]
    assert (stale["path"], stale["code"], stale["identity"]) == ("protocol.xml", "WS006",
                                                                 "Protocol/Params/Param[@id=8]")
    stderr = result.stderr.decode()
    assert "1 baselined finding(s) no longer occur" in stderr and "--write-baseline base.json" in stderr


def test_paths_are_relative_to_the_baseline_file(tmp_path):
    write(tmp_path, "repo/drivers/protocol.xml", example_text())
    written = run_dmlint("check", "drivers", "--write-baseline", "ci/base.json", cwd=tmp_path / "repo")
    assert written.returncode == 0, written.stderr  # the ci/ folder is created
    entries = json.loads((tmp_path / "repo" / "ci" / "base.json").read_text(encoding="utf-8"))["entries"]
    assert {e["path"] for e in entries} == {"../drivers/protocol.xml"}
    # From another current directory, with other relative paths, the same baseline applies.
    result, report = _json(tmp_path, "repo/drivers/protocol.xml", "--baseline", "repo/ci/base.json")
    assert report["findings"] == [] and report["baseline"]["hidden"] == 3


def test_bad_baseline_is_a_one_line_error(tmp_path):
    write(tmp_path, "protocol.xml", example_text())
    for content in ("not json", '{"entries": []}', '{"dmlint-baseline": 1, "entries": [{"code": "WS006"}]}'):
        (tmp_path / "base.json").write_text(content, encoding="utf-8")
        result = run_dmlint("check", "protocol.xml", "--baseline", "base.json", cwd=tmp_path)
        assert result.returncode == 2
        assert len(result.stderr.decode().strip().splitlines()) == 1 and b"base.json" in result.stderr
    result = run_dmlint("check", "protocol.xml", "--baseline", "missing.json", cwd=tmp_path)
    assert result.returncode == 2 and b"missing.json" in result.stderr


def test_element_identity_steps():
    from lxml import etree

    from dmlint.core.identity import element_identity

    root = etree.fromstring(
        b'<Protocol xmlns="http://www.skyline.be/protocol"><Params><Param id=" 8 "/></Params>'
        b'<HTTP><Session id="25" name="S"><Connection id="1"><Request pid="8"><Headers>'
        b'<Header key="a/b]"/><Header/><Header/></Headers></Request></Connection></Session></HTTP></Protocol>')
    ns = {"p": "http://www.skyline.be/protocol"}
    assert element_identity(root.find("p:Params/p:Param", ns)) == "Protocol/Params/Param[@id=8]"
    headers = root.findall(".//p:Header", ns)
    prefix = "Protocol/HTTP/Session[@id=25]/Connection[@id=1]/Request[@pid=8]/Headers/"
    assert [element_identity(h) for h in headers] == [
        prefix + 'Header[@key="a/b]"]',  # quoted: the value holds a separator
        prefix + "Header[2]",  # no identifying attribute: position among same-name siblings
        prefix + "Header[3]",
    ]
