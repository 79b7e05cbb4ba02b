"""Configuration: discovery, --config/--isolated, precedence, per-file-ignores, severity, bad files."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, run_dmlint
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


def _layout_of_issue_12(tmp_path):
    """A nested .dmlint.toml in protocols/legacy/ and a root pyproject.toml with a per-file-ignore."""
    write(tmp_path, "pyproject.toml", '[tool.dmlint.per-file-ignores]\n"protocols/legacy/*.xml" = ["WS006"]\n')
    write(tmp_path, "protocols/legacy/.dmlint.toml", 'ignore = ["WS007"]\n')
    write(tmp_path, "protocols/legacy/rng.xml", example_text())
    write(tmp_path, "protocols/canyou.xml", example_text())


def _by_path(found):
    by_path: dict[str, set] = {}
    for path, code in found:
        by_path.setdefault(path, set()).add(code)
    return by_path


def test_each_file_uses_its_closest_config_whatever_the_invocation(tmp_path):
    """Issue 12, problem 1: the same file got different findings depending on how it was checked."""
    _layout_of_issue_12(tmp_path)
    legacy = {"WS006", "WS010"}  # the closest file (ignore WS007) wins entirely, as in ruff
    root = {"WS006", "WS007", "WS010"}  # canyou.xml: the root pyproject (its glob does not match)
    assert _by_path(_codes(tmp_path, "protocols/legacy/rng.xml")[1]) == {"protocols/legacy/rng.xml": legacy}
    both = _by_path(_codes(tmp_path, "protocols/legacy/rng.xml", "protocols/canyou.xml")[1])
    assert both == {"protocols/legacy/rng.xml": legacy, "protocols/canyou.xml": root}
    assert _by_path(_codes(tmp_path, ".")[1]) == both
    assert _by_path(_codes(tmp_path / "protocols", ".")[1]) == {"legacy/rng.xml": legacy, "canyou.xml": root}
    stdin = run_dmlint("check", "-", "--stdin-filename", "protocols/legacy/rng.xml", "--format", "json",
                       input=example_text().encode(), cwd=tmp_path)
    assert {f["code"] for f in json.loads(stdin.stdout)["findings"]} == legacy


def test_verbose_says_which_configuration_applied(tmp_path):
    _layout_of_issue_12(tmp_path)
    result = run_dmlint("check", "-v", ".", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert f"settings from {tmp_path / 'protocols' / 'legacy' / '.dmlint.toml'}: 1 file (protocols/legacy/rng.xml)" \
        in stderr, stderr
    assert f"settings from {tmp_path / 'pyproject.toml'}: 1 file (protocols/canyou.xml)" in stderr


def test_extend_inherits_then_overrides(tmp_path):
    write(tmp_path, "base.toml", 'ignore = ["WS010"]\nfail-on = "error"\n[severity]\nWS006 = "error"\n'
                                 '[per-file-ignores]\n"old-*.xml" = ["WS007"]\n')
    write(tmp_path, "team/.dmlint.toml", 'extend = "../base.toml"\n')
    write(tmp_path, "team/old-a.xml", example_text())
    code, found, report = _codes(tmp_path, "team/old-a.xml")
    assert sorted(c for _, c in found) == ["WS006"]  # WS010 ignored by the base, WS007 by its glob
    write(tmp_path, "team/.dmlint.toml", 'extend = "../base.toml"\nextend-select = ["WS010"]\n')
    code, found, report = _codes(tmp_path, "team/old-a.xml")
    assert sorted(c for _, c in found) == ["WS006", "WS010"]  # the closer file's layer comes last
    assert code == 1 and report["summary"]["error"] == 1  # WS006 raised to error by the base
    write(tmp_path, "team/.dmlint.toml", 'extend = "../base.toml"\nfail-on = "warning"\nselect = ["WS007"]\n')
    write(tmp_path, "team/new.xml", example_text())
    assert _codes_only(tmp_path, "team/new.xml") == ["WS007"]  # select replaces the inherited selection
    write(tmp_path, "base.toml", 'extend = "team/.dmlint.toml"\n')
    looped = run_dmlint("check", "team/new.xml", cwd=tmp_path)
    assert looped.returncode == 2 and b"loop" in looped.stderr and len(looped.stderr.splitlines()) == 1
    write(tmp_path, "team/.dmlint.toml", 'extend = "../nope.toml"\n')
    missing = run_dmlint("check", "team/new.xml", cwd=tmp_path)
    assert missing.returncode == 2 and b"nope.toml does not exist" in missing.stderr


def test_exclude_extend_exclude_and_force_exclude(tmp_path):
    write(tmp_path, ".dmlint.toml", 'extend-exclude = ["generated", "vendor/*.xml"]\n')
    for name in ("a.xml", "generated/b.xml", "vendor/c.xml", "vendor/keep/d.xml", ".hidden/e.xml"):
        write(tmp_path, name, example_text())

    def checked(*args):
        result = run_dmlint("check", "--format", "json", "--select", "WS006", *args, cwd=tmp_path)
        return sorted(f["path"] for f in json.loads(result.stdout)["findings"])

    assert checked(".") == ["a.xml", "vendor/keep/d.xml"]  # defaults (.*) and the extension
    assert checked(".", "--exclude", "a.xml") == [".hidden/e.xml", "generated/b.xml", "vendor/c.xml",
                                                   "vendor/keep/d.xml"]  # --exclude replaces them all
    assert checked(".", "--extend-exclude", "keep") == ["a.xml"]
    # a file named on the command line is checked, unless --force-exclude (what the hook passes)
    assert checked("generated/b.xml", "vendor/c.xml", "a.xml") == ["a.xml", "generated/b.xml", "vendor/c.xml"]
    assert checked("--force-exclude", "generated/b.xml", "vendor/c.xml", "a.xml") == ["a.xml"]
    hook = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: dmlint check --force-exclude" in hook
    bad = run_dmlint("check", ".", cwd=write(tmp_path, "x/.dmlint.toml", "exclude = 3\n").parent)
    assert bad.returncode == 2 and b"exclude" in bad.stderr


def test_show_settings_prints_what_applies_and_where_it_comes_from(tmp_path):
    _layout_of_issue_12(tmp_path)
    write(tmp_path, "protocols/legacy/.dmlint.toml", 'extend = "../../pyproject.toml"\nignore = ["WS007"]\n')
    result = run_dmlint("check", "--show-settings", "protocols/legacy/rng.xml", "--fail-on", "error", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert f"configuration:     {tmp_path / 'protocols' / 'legacy' / '.dmlint.toml'}" in out
    assert f"extends:         {tmp_path / 'pyproject.toml'}" in out
    assert "ignore = ['WS007']" in out
    assert f"per-file-ignores:  'protocols/legacy/*.xml' = WS006 ({tmp_path / 'pyproject.toml'})" in out
    runs = next(line for line in out.splitlines() if "rules that run" in line)
    assert "WS010" in runs and "WS006" not in runs and "WS007" not in runs
    assert "fail-on:           error (command line)" in out
    assert "findings" not in out  # nothing was linted
    several = run_dmlint("check", "--show-settings", "a.xml", "b.xml", cwd=tmp_path)
    assert several.returncode == 2 and several.stderr.decode().startswith("dmlint: error: --show-settings")


def test_unknown_code_in_config_suggests_a_close_one(tmp_path):
    """Issue 12, problem 6: `ignore = ["WS01O"]` in a config suggested nothing."""
    write(tmp_path, ".dmlint.toml", 'ignore = ["WS01O"]\n')
    write(tmp_path, "protocol.xml", example_text())
    result = run_dmlint("check", "protocol.xml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().strip().endswith("ignore: unknown rule code or prefix 'WS01O' (did you mean WS010?)")


def test_config_selection_that_leaves_no_rule_is_an_error(tmp_path):
    # At equal specificity ignore wins (ruff), so nothing is left; `ignore = ["WS"]` would not
    # remove WS006: the more specific selector decides.
    write(tmp_path, ".dmlint.toml", 'select = ["WS006"]\nignore = ["WS006"]\n')
    write(tmp_path, "protocol.xml", example_text())
    result = run_dmlint("check", "protocol.xml", cwd=tmp_path)
    assert result.returncode == 2 and b"leaves no rule to run" in result.stderr, result.stderr
    write(tmp_path, ".dmlint.toml", 'select = ["WS006"]\nignore = ["WS"]\n')
    result = run_dmlint("check", "protocol.xml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1 and [f["code"] for f in json.loads(result.stdout)["findings"]] == ["WS006"]


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


def test_expected_provider_reports_another_provider(tmp_path):
    text = example_text()
    assert "<Provider>" in text
    write(tmp_path, "p/protocol.xml", text)
    assert "PROT004" not in _codes_only(tmp_path, "--select", "PROT004", "p")
    provider = text.split("<Provider>", 1)[1].split("</Provider>", 1)[0]
    write(tmp_path, "p/.dmlint.toml", f'expected-provider = "{provider}"\n')
    assert "PROT004" not in _codes_only(tmp_path, "--select", "PROT004", "p")
    write(tmp_path, "p/.dmlint.toml", 'expected-provider = "Another Company"\n')
    _, found, report = _codes(tmp_path, "--select", "PROT004", "p")
    assert [code for _, code in found] == ["PROT004"]
    assert report["findings"][0]["skyline"] == ["1.3.3"] and "Another Company" in report["findings"][0]["message"]
    write(tmp_path, "p/.dmlint.toml", "expected-provider = 3\n")
    result = run_dmlint("check", "p", cwd=tmp_path)
    assert result.returncode == 2 and b"expected-provider" in result.stderr
