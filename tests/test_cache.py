"""The findings cache (`dmlint check`, dmlint.core.cache): unchanged files come back as they were,
anything that could change a finding misses, and a broken or busy cache never changes a result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, dmlint_executable

BROKEN = b"""<Protocol xmlns="http://www.skyline.be/protocol"><Name>T</Name>
<Params><Param id="1"><Name>a</Name></Param><Param id="1"><Name>b</Name></Param></Params></Protocol>
"""


def with_cache(extra: dict | None = None) -> dict:
    """This process's environment with the cache turned back on (conftest turns it off)."""
    environment = {key: value for key, value in os.environ.items() if key != "DMLINT_NO_CACHE"}
    environment.update(extra or {})
    return environment


def dmlint(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = with_cache(env)
    return subprocess.run([dmlint_executable(), *args], cwd=cwd, env=environment, capture_output=True,
                          timeout=120)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*/*.json"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for example in sorted(EXAMPLES.glob("*.xml")):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    (tmp_path / "broken.xml").write_bytes(BROKEN)
    return tmp_path


def test_a_warm_run_reports_exactly_what_the_cold_run_did(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    for output_format in ("json", "text", "sarif"):
        cold = dmlint("check", "--no-cache", "--select", "ALL", "--format", output_format, ".", cwd=project)
        first = dmlint("check", "--cache-dir", str(cache), "--select", "ALL", "--format", output_format, ".",
                       cwd=project)
        warm = dmlint("check", "--cache-dir", str(cache), "--select", "ALL", "--format", output_format, "-v", ".",
                      cwd=project)
        assert cold.returncode == first.returncode == warm.returncode == 1
        assert cold.stdout == first.stdout == warm.stdout
    files = len(list(project.glob("*.xml")))
    assert f"cache: {files} of {files} file(s) unchanged" in warm.stderr.decode()
    assert len(entries(cache)) == files  # one entry per file for these settings
    assert (cache / "CACHEDIR.TAG").is_file() and (cache / ".gitignore").read_text().strip().endswith("*")


def test_a_warm_run_neither_parses_nor_loads_rules_or_the_schema(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    assert dmlint("check", "--cache-dir", str(cache), ".", cwd=project).returncode == 1
    script = ("import sys\nfrom dmlint.cli import cli\n"
              "try:\n    cli.main(['check', '--cache-dir', sys.argv[1], '.'], standalone_mode=False)\n"
              "except SystemExit as exit:\n    code = exit.code\n"
              "loaded = [m for m in ('dmlint.model', 'dmlint.schema', 'dmlint.rules.params') if m in sys.modules]\n"
              "print(code, loaded, file=sys.stderr)\n")
    environment = with_cache()
    done = subprocess.run([sys.executable, "-c", script, str(cache)], cwd=project, env=environment,
                          capture_output=True, timeout=120)
    assert done.stderr.decode().strip().splitlines()[-1] == "1 []"


def test_changed_content_settings_or_schema_miss(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    first = json.loads(dmlint("check", "--cache-dir", str(cache), "--format", "json", "broken.xml",
                              cwd=project).stdout)
    assert "PRM003" in {f["code"] for f in first["findings"]}
    # the content: the duplicate id is gone
    (project / "broken.xml").write_bytes(BROKEN.replace(b'<Param id="1"><Name>b', b'<Param id="2"><Name>b'))
    second = json.loads(dmlint("check", "--cache-dir", str(cache), "--format", "json", "broken.xml",
                               cwd=project).stdout)
    assert "PRM003" not in {f["code"] for f in second["findings"]}
    # the settings: another selection is another entry, never the first one's findings
    only = json.loads(dmlint("check", "--cache-dir", str(cache), "--format", "json", "--select", "PRM001",
                             "broken.xml", cwd=project).stdout)
    assert {f["code"] for f in only["findings"]} <= {"PRM001"}
    # a configuration file that changes a severity
    (project / ".dmlint.toml").write_text('[severity]\nPRM = "info"\n')
    configured = json.loads(dmlint("check", "--cache-dir", str(cache), "--format", "json", "--select", "PRM",
                                   "broken.xml", cwd=project).stdout)
    assert configured["findings"] and {f["severity"] for f in configured["findings"]} == {"info"}
    # no schema validation: XSD findings disappear
    (project / ".dmlint.toml").unlink()
    (project / "broken.xml").write_bytes(BROKEN.replace(b"<Name>T</Name>", b"<Nme>T</Nme>"))
    with_schema = dmlint("check", "--cache-dir", str(cache), "--format", "json", "broken.xml", cwd=project)
    without = dmlint("check", "--cache-dir", str(cache), "--no-schema", "--format", "json", "broken.xml", cwd=project)
    assert "XSD001" in {f["code"] for f in json.loads(with_schema.stdout)["findings"]}
    assert "XSD001" not in {f["code"] for f in json.loads(without.stdout)["findings"]}


def test_a_corrupt_cache_is_ignored_and_rebuilt(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    expected = dmlint("check", "--no-cache", "--format", "json", ".", cwd=project).stdout
    dmlint("check", "--cache-dir", str(cache), ".", cwd=project)
    damaged = entries(cache)
    assert damaged
    for number, entry in enumerate(damaged):  # each entry broken another way
        entry.write_bytes([b"", b"{not json", b'{"path": 3}', b"[1, 2]", b'{"path": "x", "findings": [[1]]}',
                           b"\xff\xfe\x00"][number % 6])
    again = dmlint("check", "--cache-dir", str(cache), "--format", "json", ".", cwd=project)
    assert again.returncode == 1 and again.stdout == expected and not again.stderr
    rebuilt = dmlint("check", "--cache-dir", str(cache), "--format", "json", "-v", ".", cwd=project)
    assert rebuilt.stdout == expected
    files = len(list(project.glob("*.xml")))
    assert f"cache: {files} of {files} file(s) unchanged" in rebuilt.stderr.decode()


def test_concurrent_runs_share_a_cache_safely(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    expected = dmlint("check", "--no-cache", "--format", "json", ".", cwd=project).stdout
    environment = with_cache()
    runs = [subprocess.Popen([dmlint_executable(), "check", "--cache-dir", str(cache), "--format", "json", "-j", "2",
                              "."], cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(4)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(stdout == expected and not stderr for stdout, stderr in outputs)
    assert not list(cache.rglob("*.tmp"))  # no temporary file left behind
    assert dmlint("check", "--cache-dir", str(cache), "--format", "json", ".", cwd=project).stdout == expected


def test_where_the_cache_lives(project: Path, tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    # no configuration: the user cache folder
    dmlint("check", ".", cwd=project, env={"XDG_CACHE_HOME": str(home), "HOME": str(home)})
    if sys.platform.startswith("linux"):
        assert entries(home / "dmlint")
    # beside the configuration file that governs the working directory, and never linted
    (project / "pyproject.toml").write_text("[tool.dmlint]\nselect = ['ALL']\n")
    listing = dmlint("check", "-v", ".", cwd=project, env={"XDG_CACHE_HOME": str(home)})
    assert entries(project / ".dmlint_cache")
    assert f"cache: {project / '.dmlint_cache'}" in listing.stderr.decode()
    assert ".dmlint_cache" not in listing.stdout.decode()
    # a configured cache-dir, relative to the configuration file
    (project / "pyproject.toml").write_text("[tool.dmlint]\ncache-dir = 'build/lint-cache'\n")
    dmlint("check", ".", cwd=project)
    assert entries(project / "build" / "lint-cache")
    # $DMLINT_CACHE_DIR, and --cache-dir above everything
    dmlint("check", ".", cwd=project, env={"DMLINT_CACHE_DIR": str(home / "env")})
    assert entries(home / "env")
    dmlint("check", "--cache-dir", str(home / "option"), ".", cwd=project, env={"DMLINT_CACHE_DIR": str(home / "env2")})
    assert entries(home / "option") and not (home / "env2").exists()
    # dmlint clean removes the cache check uses from here
    removed = dmlint("clean", cwd=project)
    assert removed.returncode == 0 and not (project / "build" / "lint-cache").exists()


def test_no_cache_stdin_and_fixes_write_nothing(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    dmlint("check", "--no-cache", "--cache-dir", str(cache), ".", cwd=project)
    subprocess.run([dmlint_executable(), "check", "--cache-dir", str(cache), "-"], input=BROKEN, cwd=project,
                   capture_output=True, timeout=120)
    dmlint("check", "--cache-dir", str(cache), "--diff", ".", cwd=project)
    dmlint("check", "--cache-dir", str(cache), "--fix", ".", cwd=project)
    assert not entries(cache)


def test_an_unwritable_cache_changes_nothing(project: Path, tmp_path_factory):
    blocker = tmp_path_factory.mktemp("cache") / "file"
    blocker.write_text("a file where the cache folder would be")
    expected = dmlint("check", "--no-cache", "--format", "json", ".", cwd=project)
    done = dmlint("check", "--cache-dir", str(blocker / "sub"), "--format", "json", ".", cwd=project)
    assert (done.returncode, done.stdout, done.stderr) == (expected.returncode, expected.stdout, b"")


def test_an_installed_dmlint_is_fingerprinted_by_its_install_record(tmp_path):
    from dmlint.core.cache import _install_record

    package = tmp_path / "site-packages" / "dmlint"
    package.mkdir(parents=True)
    record = tmp_path / "site-packages" / "dmlint-0.3.0.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("__editable___dmlint_0_3_0_finder.py,sha256=x,10\n")  # an editable install's
    assert _install_record(str(package)) is None
    record.write_text("dmlint/__init__.py,sha256=x,10\ndmlint/core/cache.py,sha256=y,20\n")
    assert _install_record(str(package)) == str(record)


def test_entries_of_other_versions_go_when_stale(project: Path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    old = cache / "0.1.0-0123456789abcdef" / "ab"
    old.mkdir(parents=True)
    (old / "x.json").write_text("{}")
    recent = cache / "0.2.0-fedcba9876543210"
    recent.mkdir()
    other = cache / "notes"  # not a folder dmlint made: never touched
    other.mkdir()
    week = 8 * 24 * 3600
    for folder in (old.parent, other):
        os.utime(folder, (os.path.getmtime(folder) - week,) * 2)
    dmlint("check", "--cache-dir", str(cache), ".", cwd=project)
    assert not old.parent.exists() and recent.exists() and other.exists()
    assert entries(cache)
