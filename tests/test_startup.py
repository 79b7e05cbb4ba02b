"""`dmlint check` imports only what it needs: start-up is most of the cost of a one-file run.

The real entry point runs under `python -X importtime`, which names every module imported
during the run (lazy imports included); the run's own output must be normal.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLES, REPO

# Never needed to check files: network/server, XML Schema, process pools, async, test tools.
NOT_FOR_CHECK = ("websockets", "xmlschema", "pygls", "lsprotocol", "cattrs", "dmlint.server.lsp",
                 "multiprocessing", "concurrent.futures", "asyncio", "hypothesis", "pyinstrument", "pytest")


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "dmlint", *args],
                            capture_output=True, timeout=60)
    assert result.returncode in (0, 1), result.stderr.decode()
    names = set()
    for line in result.stderr.decode().splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "dmlint.cli" in names and "lxml.etree" in names  # the measurement itself works
    return names


def forbidden_in(names: set[str]) -> list[str]:
    return sorted(n for n in names if any(n == bad or n.startswith(bad + ".") for bad in NOT_FOR_CHECK))


def test_check_of_one_file_imports_nothing_it_does_not_need():
    names = imported_modules("check", str(EXAMPLES / "websocket-handshake.xml"))
    assert forbidden_in(names) == []


def test_check_skips_modules_only_hints_and_zip_installs_need():
    """difflib is for "did you mean" hints; importlib.resources (with pathlib, tempfile,
    zipfile) only for a bundled schema that is not a plain file: ~15 ms of every run."""
    names = imported_modules("check", str(EXAMPLES / "websocket-handshake.xml"))
    assert "dmlint.schema" in names  # the bundled schema was loaded
    assert "difflib" not in names
    assert "importlib.resources" not in names


def test_check_does_not_load_the_live_commands():
    names = imported_modules("check", str(EXAMPLES / "websocket-handshake.xml"))
    assert "dmlint.live.cli" not in names and "dmlint.live.plan" not in names
    assert "dmlint.live.cli" in imported_modules("live", "--help")  # loaded when asked for


def test_the_language_server_is_loaded_only_when_it_runs():
    """`dmlint --help` lists `server` from its click command alone: pygls, lsprotocol and
    xmlschema are imported when the server starts, never for a listing or a check."""
    names = imported_modules("--help")
    assert "dmlint.server.cli" in names  # the listing did load the command
    assert forbidden_in(names) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers on Linux")
def test_parallel_check_does_not_import_multiprocessing(tmp_path):
    source = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8")
    padding = "".join(f'<Param id="{1000 + i}"><Name>P{i}</Name></Param>' for i in range(4000))
    for i in range(4):
        (tmp_path / f"p{i}.xml").write_text(source.replace("</Params>", padding + "</Params>"), encoding="utf-8")
    names = imported_modules("check", "-j", "2", str(tmp_path))
    assert "pickle" in names  # the workers did run and sent their reports
    assert forbidden_in(names) == []


def test_main_called_from_code_raises_system_exit(monkeypatch, capsys):
    """The console script ends without freeing the trees (os._exit); a caller of main() must
    still get an ordinary SystemExit, not a process that vanished."""
    from dmlint.cli import main

    monkeypatch.setattr(sys, "argv", ["dmlint", "check", "--format", "json", str(EXAMPLES)])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 1
    assert '"WS006"' in capsys.readouterr().out


def test_entry_point_output_is_complete_when_piped(tmp_path):
    source = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8")
    for i in range(30):
        (tmp_path / f"p{i:02}.xml").write_text(source, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "dmlint", "check", str(tmp_path)], capture_output=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.decode().rstrip().endswith(
        "90 findings (0 errors, 60 warnings, 30 infos) in 30 files; 30 fixable with --fix")


def modules_after(*args: str) -> set[str]:
    """The modules in sys.modules after a real `dmlint` run in a fresh interpreter (importlib
    imports included, which -X importtime does not list)."""
    probe = ("import json, sys\n"
             "from dmlint.cli import cli\n"
             f"sys.argv = ['dmlint', *{list(args)!r}]\n"
             "try:\n    cli()\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write('MODULES ' + json.dumps(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60, text=True)
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    import json

    return set(json.loads(line[len("MODULES "):]))


def rule_modules(names: set[str]) -> set[str]:
    return {name.rsplit(".", 1)[1] for name in names
            if name.startswith("dmlint.rules.") and name.count(".") == 3 and not name.endswith("._index")}


def test_only_selected_rules_are_imported():
    names = modules_after("check", "--select", "WS006", str(EXAMPLES / "websocket-handshake.xml"))
    assert rule_modules(names) == {"ws006_handshake_url_not_saved"}


def test_listing_rules_imports_no_rule_module():
    assert rule_modules(modules_after("rules")) == set()


def test_every_rule_is_imported_when_all_are_selected():
    from dmlint.core.registry import all_rules

    names = modules_after("check", "--select", "ALL", str(EXAMPLES / "websocket-handshake.xml"))
    expected = {rule.module.rsplit(".", 1)[1] for rule in all_rules() if rule.check is not None}
    assert expected <= rule_modules(names)


def test_csharp_analysis_is_loaded_only_for_qaction_csharp_rules():
    """tree-sitter and dmlint.csharp are imported when a QA1xx rule runs, never otherwise."""
    protocol = str(REPO / "tests" / "fixtures" / "qactions_csharp" / "qa113_param_missing.xml")
    without = modules_after("check", "--select", "WS", protocol)
    assert not any(name == "tree_sitter" or name.startswith(("tree_sitter.", "tree_sitter_c_sharp", "dmlint.csharp"))
                   for name in without)
    assert "dmlint.csharp" not in modules_after("rule", "QA113")  # its documentation needs no parser
    with_csharp = modules_after("check", "--select", "QA113", protocol)
    assert {"dmlint.csharp", "tree_sitter", "tree_sitter_c_sharp"} <= with_csharp
