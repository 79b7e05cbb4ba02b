"""Editor input: `dmlint check - --stdin-filename PATH` lints standard input as if it were PATH."""

from __future__ import annotations

import json
import re

from conftest import run_dmlint
from protocol_variants import EXAMPLE_FINDINGS, example_text, write

EDITOR_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) "
                         r"\[(?P<severity>error|warning|info)\] (?P<message>.+)$")


def test_stdin_lines_in_the_editor_format(tmp_path):
    buffer = example_text().encode("utf-8")
    result = run_dmlint("check", "-", "--stdin-filename", "drivers/nmos/protocol.xml", "--no-snippet",
                        input=buffer, cwd=tmp_path)  # the file does not exist on disk: the buffer is linted
    assert result.returncode == 1, result.stderr
    lines = result.stdout.decode().splitlines()
    findings = [EDITOR_LINE.match(line) for line in lines[:-1]]
    assert all(findings), lines
    assert {m["path"] for m in findings} == {"drivers/nmos/protocol.xml"}
    assert {(m["code"], int(m["line"])) for m in findings} == EXAMPLE_FINDINGS
    assert lines[-1].startswith("3 findings")


def test_unsaved_edits_are_what_gets_linted(tmp_path):
    write(tmp_path, "protocol.xml", example_text())  # the saved file has 3 findings ...
    edited = example_text().replace('<Param id="8" trending="false">', '<Param id="8" trending="false" save="true">')
    result = run_dmlint("check", "-", "--stdin-filename", "protocol.xml", "--format", "json",
                        input=edited.encode("utf-8"), cwd=tmp_path)
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert sorted(codes) == ["WS007", "WS010"]  # ... the buffer has 2


def test_config_and_per_file_ignores_follow_the_given_name(tmp_path):
    write(tmp_path, "repo/.dmlint.toml",
          '[per-file-ignores]\n"legacy/*.xml" = ["WS006"]\n[severity]\nWS010 = "error"\n')
    buffer = example_text().encode("utf-8")

    def codes(name):
        result = run_dmlint("check", "-", "--stdin-filename", name, "--format", "json", input=buffer, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        return {f["code"]: f["severity"] for f in json.loads(result.stdout)["findings"]}

    assert codes("repo/legacy/protocol.xml") == {"WS007": "warning", "WS010": "error"}
    assert codes("repo/current/protocol.xml") == {"WS006": "warning", "WS007": "warning", "WS010": "error"}
    assert codes("elsewhere/protocol.xml") == {"WS006": "warning", "WS007": "warning", "WS010": "info"}


def test_stdin_malformed_and_non_protocol(tmp_path):
    result = run_dmlint("check", "-", "--stdin-filename", "p.xml", "--no-snippet", input=b"<Protocol>\n<Params>\n",
                        cwd=tmp_path)
    assert result.returncode == 1
    assert EDITOR_LINE.match(result.stdout.decode().splitlines()[0])["code"] == "XML001"
    result = run_dmlint("check", "-", "--stdin-filename", "pom.xml", input=b"<project/>", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.decode().startswith("0 findings")
    result = run_dmlint("check", "-", "--no-snippet", input=example_text().encode(), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.decode().startswith("-:")


def test_stdin_usage_errors(tmp_path):
    write(tmp_path, "a.xml", example_text())
    for args in (("-", "a.xml"), ("a.xml", "--stdin-filename", "b.xml")):
        result = run_dmlint("check", *args, input=b"", cwd=tmp_path)
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
