"""Configuration: discovery, --config/--isolated, precedence, per-file-ignores, severity, bad files."""

from __future__ import annotations

import json

import pytest

from conftest import run_dmlint
from protocol_variants import example_text, write


def _codes(tmp_path, *args):
    result = run_dmlint("check", *args, "--format", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return result.returncode, sorted((f["path"].replace("\\", "/"), f["code"]) for f in report["findings"]), report


def _codes_only(tmp_path, *args):
    return sorted({code for _, code in _codes(tmp_path, *args)[1]})


def test_pyproject_table_is_discovered_from_the_checked_path(tmp_path):
    write(tmp_path, "repo/pyproject.toml", '[project]\nname = "x"\n\n[tool.dmlint]\nignore = ["WS006"]\n')
    write(tmp_path, "repo/drivers/a/protocol.xml", example_text())
    # Run from outside the repository: discovery starts at the checked file, not the cwd.
    assert _codes_only(tmp_path, "repo/drivers/a/protocol.xml") == ["WS007", "WS010"]
    assert _codes_only(tmp_path / "repo" / "drivers", "a") == ["WS007", "WS010"]


def test_closest_config_wins_and_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path, ".dmlint.toml", 'ignore = ["WS007"]\n')
    write(tmp_path, "team/pyproject.toml", '[tool.dmlint]\nignore = ["WS006"]\n')
    write(tmp_path, "team/a/protocol.xml", example_text())
    write(tmp_path, "other/pyproject.toml", '[project]\nname = "no-dmlint-here"\n')
    write(tmp_path, "other/protocol.xml", example_text())
    assert _codes_only(tmp_path, "team/a/protocol.xml") == ["WS007", "WS010"]  # team's file only
    assert _codes_only(tmp_path, "other/protocol.xml") == ["WS006", "WS010"]  # falls through to the root
    # .dmlint.toml beats pyproject.toml in the same directory
    write(tmp_path, "team/.dmlint.toml", 'ignore = ["WS010"]\n')
    assert _codes_only(tmp_path, "team/a/protocol.xml") == ["WS006", "WS007"]


def test_several_paths_use_the_current_directory(tmp_path):
    write(tmp_path, ".dmlint.toml", 'ignore = ["WS007"]\n')
    write(tmp_path, "a/.dmlint.toml", 'ignore = ["WS006"]\n')
    write(tmp_path, "a/protocol.xml", example_text())
    write(tmp_path, "b/protocol.xml", example_text())
    _, found, _ = _codes(tmp_path, "a/protocol.xml", "b/protocol.xml")
    assert {code for _, code in found} == {"WS006", "WS010"}


def test_config_option_and_isolated(tmp_path):
    write(tmp_path, ".dmlint.toml", 'ignore = ["WS006", "WS007"]\n')
    write(tmp_path, "elsewhere/strict.toml", 'select = ["WS007"]\n')
    write(tmp_path, "protocol.xml", example_text())
    assert _codes_only(tmp_path, "protocol.xml") == ["WS010"]
    assert _codes_only(tmp_path, "protocol.xml", "--config", "elsewhere/strict.toml") == ["WS007"]
    assert _codes_only(tmp_path, "protocol.xml", "--isolated") == ["WS006", "WS007", "WS010"]
    missing = run_dmlint("check", "protocol.xml", "--config", "nope.toml", cwd=tmp_path)
    assert missing.returncode == 2 and b"nope.toml" in missing.stderr


def test_command_line_overrides_the_file(tmp_path):
    write(tmp_path, ".dmlint.toml", 'select = ["WS006"]\nextend-select = ["WS010"]\nfail-on = "error"\n')
    write(tmp_path, "protocol.xml", example_text())
    code, found, _ = _codes(tmp_path, "protocol.xml")
    assert [c for _, c in found] == ["WS006", "WS010"]
    assert code == 0  # fail-on = "error" from the file: warnings do not fail
    code, found, _ = _codes(tmp_path, "protocol.xml", "--fail-on", "warning")
    assert code == 1
    # --select on the command line replaces the file's selection
    assert _codes_only(tmp_path, "protocol.xml", "--select", "WS007") == ["WS007"]
    # --ignore and --extend-select add to it
    assert _codes_only(tmp_path, "protocol.xml", "--ignore", "WS010") == ["WS006"]
    assert _codes_only(tmp_path, "protocol.xml", "--extend-select", "WS007") == ["WS006", "WS007", "WS010"]


def test_per_file_ignores(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.dmlint.per-file-ignores]\n"legacy/**/*.xml" = ["WS006"]\n'
                                      '"old-*.xml" = ["WS0"]\n')
    write(tmp_path, "legacy/deep/er/protocol.xml", example_text())
    write(tmp_path, "legacy/protocol.xml", example_text())
    write(tmp_path, "current/protocol.xml", example_text())
    write(tmp_path, "current/old-driver.xml", example_text())
    _, found, _ = _codes(tmp_path, ".")
    by_path: dict[str, set] = {}
    for path, code in found:
        by_path.setdefault(path, set()).add(code)
    assert by_path == {
        "legacy/deep/er/protocol.xml": {"WS007", "WS010"},
        "legacy/protocol.xml": {"WS007", "WS010"},  # ** matches zero directories too
        "current/protocol.xml": {"WS006", "WS007", "WS010"},
    }  # current/old-driver.xml: the basename pattern ignores every WS0 rule
    # Globs are relative to the config file, not to the current directory.
    assert _codes_only(tmp_path / "legacy", "protocol.xml") == ["WS007", "WS010"]


def test_severity_override(tmp_path):
    write(tmp_path, ".dmlint.toml", '[severity]\nWS006 = "error"\nWS007 = "info"\n')
    write(tmp_path, "protocol.xml", example_text())
    code, _, report = _codes(tmp_path, "protocol.xml", "--fail-on", "error")
    assert code == 1
    severities = {f["code"]: f["severity"] for f in report["findings"]}
    assert severities == {"WS006": "error", "WS007": "info", "WS010": "info"}
    assert report["summary"] == {"error": 1, "warning": 0, "info": 2}


@pytest.mark.parametrize("name, content, key", [
    (".dmlint.toml", 'selct = ["WS006"]\n', "selct"),
    (".dmlint.toml", 'fail-on = "fatal"\n', "fail-on"),
    (".dmlint.toml", 'select = ["WX1"]\n', "select"),
    (".dmlint.toml", 'ignore = "WS006"\nselect = 3\n', "select"),
    (".dmlint.toml", '[severity]\nWS006 = "critical"\n', "severity.WS006"),
    (".dmlint.toml", '[severity]\nZZ999 = "error"\n', "severity.ZZ999"),
    (".dmlint.toml", '[per-file-ignores]\n"*.xml" = ["NOPE"]\n', "per-file-ignores"),
    (".dmlint.toml", 'schema = 5\n', "schema"),
    ("pyproject.toml", '[tool.dmlint]\nextend_select = ["WS"]\n', "[tool.dmlint] extend_select"),
    (".dmlint.toml", 'select = [\n', "not valid TOML"),
])
def test_bad_config_exits_2_naming_file_and_key(tmp_path, name, content, key):
    write(tmp_path, name, content)
    write(tmp_path, "protocol.xml", example_text())
    result = run_dmlint("check", "protocol.xml", cwd=tmp_path)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert name in stderr and key in stderr
    assert "Traceback" not in stderr and result.stdout == b""


def test_schema_is_resolved_and_exposed(tmp_path):
    from dmlint.core.config import resolve_config

    write(tmp_path, "repo/pyproject.toml", '[tool.dmlint]\nschema = "xsd/protocol.xsd"\n')
    target = write(tmp_path, "repo/sub/protocol.xml", example_text())
    config = resolve_config([str(target)])
    assert config.path == str(tmp_path / "repo" / "pyproject.toml")
    assert config.schema == str(tmp_path / "repo" / "xsd" / "protocol.xsd")
    assert resolve_config([str(target)], isolated=True).schema is None
