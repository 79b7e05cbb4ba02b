"""One error style and no ignored options (issue 12, problems 6, 7 and 8), through the installed script."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import EXAMPLES, dmlint_executable, run_dmlint
from protocol_variants import example_text, write

EXAMPLE = str(EXAMPLES / "websocket-handshake.xml")


def _one_error_line(result) -> str:
    assert result.returncode == 2, result
    assert result.stdout == b""
    stderr = result.stderr.decode()
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr  # no click usage block, no traceback
    assert lines[0].startswith("dmlint: error: ")
    return lines[0][len("dmlint: error: "):]


@pytest.mark.parametrize("args, expected", [
    (("check", "--selct", "WS", EXAMPLE), "unknown option --selct (did you mean --select?); see `dmlint check --help`"),
    (("check", "--format", "xml", EXAMPLE),
     "invalid value for --format/--output-format: expected one of text, json, sarif, github, junit, gitlab, got 'xml'"),
    (("check", "--output-format", "xml", EXAMPLE),
     "invalid value for --format/--output-format: expected one of text, json, sarif, github, junit, gitlab, got 'xml'"),
    (("check", "-j", "0", EXAMPLE), "invalid value for -j/--jobs: expected a number of processes (1 or more), got 0"),
    (("check", "-j", "abc", EXAMPLE),
     "invalid value for -j/--jobs: expected a number of processes (1 or more), got 'abc'"),
    (("chek", EXAMPLE), "unknown command 'chek' (did you mean check?); `dmlint --help` lists them"),
    (("rule",), "missing argument CODE; see `dmlint rule --help`"),
    (("serve", "--port", "x", EXAMPLE), "invalid value for --port: expected a whole number, got 'x'"),
    (("check", "--select", "WS999", EXAMPLE), "unknown rule code or prefix in --select: WS999 (did you mean WS009?)"),
])
def test_usage_errors_are_one_line_with_exit_2(args, expected):
    """Problem 6: click's four-line usage blocks, `not a valid integer range`, no hints."""
    assert _one_error_line(run_dmlint(*args)) == expected


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "gitlab"])
def test_statistics_with_a_format_that_cannot_carry_it_is_refused(fmt):
    """Problem 7: `--statistics --format sarif` printed the text table."""
    message = _one_error_line(run_dmlint("check", "--statistics", "--format", fmt, EXAMPLE))
    assert message == (f"--statistics prints a table (text) or a list (json); it cannot be combined with "
                       f"--format {fmt}")


def test_statistics_in_text_and_json_still_work():
    text = run_dmlint("check", "--statistics", EXAMPLE)
    assert text.returncode == 1 and "WS006" in text.stdout.decode()
    listing = json.loads(run_dmlint("check", "--statistics", "--format", "json", EXAMPLE).stdout)
    assert {row["code"] for row in listing} == {"WS006", "WS007", "WS010"}


def test_a_missing_path_among_several_does_not_stop_the_others(tmp_path):
    """Problem 8: `dmlint check ok.xml nope.xml` aborted without linting ok.xml."""
    write(tmp_path, "ok.xml", example_text())
    result = run_dmlint("check", "--format", "json", "ok.xml", "nope.xml", "gone/", cwd=tmp_path)
    assert result.returncode == 2  # at the end, after the report
    assert result.stderr.decode().splitlines() == ["dmlint: error: path does not exist: nope.xml",
                                                   "dmlint: error: path does not exist: gone/"]
    report = json.loads(result.stdout)
    assert report["files_checked"] == 1 and {f["code"] for f in report["findings"]} == {"WS006", "WS007", "WS010"}


@pytest.mark.parametrize("args, code", [
    (("rules",), 0),
    (("rules", "--format", "json"), 0),
    (("rule", "WS007"), 0),
    (("check", EXAMPLE), 1),  # findings: exit 1 even though nobody read them
    (("check", "--select", "WS012", EXAMPLE), 0),
])
def test_a_closed_pipe_ends_quietly_with_the_exit_code_of_the_findings(args, code):
    """Problem 8: `dmlint rules | head -1` exited 1 (and may print a BrokenPipeError)."""
    process = subprocess.Popen([dmlint_executable(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()  # like `head -1`: read a line, then go away
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == code
    assert stderr == b""


def test_a_big_report_into_a_closed_pipe(tmp_path):
    for n in range(200):  # about 90 KB of text: more than a pipe holds
        write(tmp_path, f"p{n:02d}.xml", example_text())
    process = subprocess.Popen([dmlint_executable(), "check", "."], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""


def test_the_summary_says_how_many_findings_the_baseline_hid(tmp_path):
    """Problem 8: with a baseline the summary said `0 findings` and never that 3 were hidden."""
    write(tmp_path, "protocol.xml", example_text())
    assert run_dmlint("check", "--write-baseline", "b.json", "protocol.xml", cwd=tmp_path).returncode == 0
    result = run_dmlint("check", "--baseline", "b.json", "protocol.xml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode().splitlines()[-1] == (
        "0 findings (0 errors, 0 warnings, 0 infos) in 1 file; 3 hidden by the baseline b.json")


def test_quiet_prints_only_the_findings(tmp_path):
    write(tmp_path, "protocol.xml", example_text())
    write(tmp_path, "pom.xml", "<project/>")
    result = run_dmlint("check", "-q", "--no-snippet", "protocol.xml", "pom.xml", cwd=tmp_path)
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1 and len(lines) == 3 and all(" WS0" in line for line in lines)
    assert result.stderr == b""  # the warning about pom.xml is left out too
    errors = run_dmlint("check", "-q", "protocol.xml", "nope.xml", cwd=tmp_path)
    assert errors.stderr.decode() == "dmlint: error: path does not exist: nope.xml\n"  # errors are never quiet


def test_help_of_every_command_is_complete():
    check = run_dmlint("check", "--help").stdout.decode()
    for needed in ("Examples:", "Exit codes:", "--show-settings", "--force-exclude", "--output-format", "--quiet"):
        assert needed in check
    top = run_dmlint("--help").stdout.decode()
    assert "Lint protocol files or directories." in top
    assert "by code (WS007) or name (handshake-" in top  # not cut at the first full stop
    from dmlint.cli import cli

    for name in ("check", "rules", "rule", "live", "serve"):
        command = cli.get_command(None, name)
        text = run_dmlint(name, "--help").stdout.decode()
        assert command.help and " ".join(command.help.split())[:40] in " ".join(text.split())
        for param in command.params:
            if (isinstance(param, type(command.params[-1])) and getattr(param, "opts", None)
                    and param.opts[0] != "--help"):
                if param.param_type_name == "option":
                    assert param.help, f"dmlint {name} {param.opts[0]} has no help text"


def test_a_narrow_selection_still_says_a_file_could_not_be_checked(tmp_path):
    """`--select WS` on a malformed file was '0 findings', exit 0: a silent pass."""
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<Protocol><Params>")
    result = run_dmlint("check", "--select", "WS", str(bad))
    assert result.returncode == 1 and b"XML001" in result.stdout
    ignored = run_dmlint("check", "--select", "WS", "--ignore", "XML001", str(bad))
    assert ignored.returncode == 0 and b"XML001" not in ignored.stdout
    empty = run_dmlint("check", "--select", "WS", "--ignore", "WS", str(bad))
    assert empty.returncode == 2  # still an empty selection: nothing would be checked
