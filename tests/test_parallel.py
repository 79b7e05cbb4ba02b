"""`dmlint check -j N`: the same output whatever N, workers really used, faults contained."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import pytest

from dmlint.core import parallel
from dmlint.core.engine import LintSettings, lint_paths
from dmlint.core.files import discover
from dmlint.core.selection import select_rules

from conftest import EXAMPLES, run_dmlint, shared_path

EXAMPLE = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8")
SETTINGS = LintSettings(selected=select_rules(select=(), ignore=()))
FORK = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked workers run on Linux")


def padded(extra_params: int) -> str:
    params = "".join(f'<Param id="{1000 + i}"><Name>P{i}</Name><Type>read</Type></Param>\n'
                     for i in range(extra_params))
    return EXAMPLE.replace("</Params>", params + "</Params>", 1)


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder worth a pool (> POOL_MIN_BYTES): varied findings, a broken, an empty, an unreadable file."""
    (tmp_path / "big.xml").write_text(padded(6000), encoding="utf-8")
    for i in range(12):
        variant = EXAMPLE.replace('<Param id="8"', '<Param id="8" save="true"') if i % 3 == 0 else EXAMPLE
        variant = variant.replace('pid="9"', f'pid="{900 + i}"') if i % 2 else variant
        (tmp_path / f"protocol-{i:02}.xml").write_text(variant, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.xml").write_text(EXAMPLE[: len(EXAMPLE) // 2], encoding="utf-8")
    (tmp_path / "sub" / "empty.xml").write_bytes(b"")
    (tmp_path / "sub" / "not-a-protocol.xml").write_text("<Other/>", encoding="utf-8")
    if sys.platform != "win32":
        (tmp_path / "sub" / "dangling.xml").symlink_to(tmp_path / "nowhere.xml")
    total = sum(p.stat().st_size for p in tmp_path.rglob("*.xml") if p.is_file())
    assert total > parallel.POOL_MIN_BYTES
    return tmp_path


def test_output_identical_for_any_number_of_jobs(project):
    for output_format in ("text", "json"):
        outputs = {}
        for jobs in ("1", "2", "3"):
            result = run_dmlint("check", str(project), "--format", output_format, "-j", jobs, "-v")
            assert result.returncode == 1
            assert b"Traceback" not in result.stderr
            # -v reports how long the schema took to compile: the one part that may differ
            outputs[jobs] = (result.stdout, re.sub(rb"compiled in \d+ ms", b"compiled in N ms", result.stderr))
        assert outputs["1"] == outputs["2"] == outputs["3"]
    report = json.loads(outputs["1"][0])
    codes = {f["code"] for f in report["findings"]}
    assert {"XML001", "HTTP006", "WS006", "WS007", "WS010"} <= codes
    paths = [f["path"] for f in report["findings"]]
    assert paths == sorted(paths)


def test_output_identical_on_the_real_corpus():
    corpus = shared_path("corpus", "real")
    one = run_dmlint("check", str(corpus), "--format", "json", "-j", "1")
    two = run_dmlint("check", str(corpus), "--format", "json", "-j", "2")
    assert one.returncode == two.returncode and one.returncode in (0, 1)
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)["files_checked"] >= 60


def test_default_jobs_and_bad_values(project):
    default = run_dmlint("check", str(project), "--format", "json")
    single = run_dmlint("check", str(project), "--format", "json", "--jobs", "1")
    assert default.stdout == single.stdout
    for bad in ("0", "-1", "many"):
        result = run_dmlint("check", str(project), "-j", bad)
        assert result.returncode == 2 and b"Traceback" not in result.stderr


def _count_forks(monkeypatch) -> list[int]:
    started = []
    original = parallel._fork_worker

    def counting(*args):
        started.append(1)
        return original(*args)

    monkeypatch.setattr(parallel, "_fork_worker", counting)
    return started


@FORK
def test_workers_are_used_only_when_worth_it(project, monkeypatch):
    started = _count_forks(monkeypatch)
    files = discover([str(project)])
    sequential = lint_paths(files, SETTINGS, jobs=1)
    assert started == []
    pooled = lint_paths(files, SETTINGS, jobs=3)
    assert len(started) == 2  # this process plus two workers
    assert [f.to_json() for f in pooled.findings] == [f.to_json() for f in sequential.findings]
    assert all(f.element is None for f in pooled.findings)  # nothing unpicklable crossed back

    started.clear()
    lint_paths([str(project / "big.xml")], SETTINGS, jobs=4)  # one file: no pool
    small = [str(project / f"protocol-{i:02}.xml") for i in range(3)]
    lint_paths(small, SETTINGS, jobs=4)  # little XML: no pool
    assert started == []


@FORK
def test_a_worker_that_dies_costs_only_its_file(project, monkeypatch):
    parent = os.getpid()
    original = parallel.lint_one
    victims = []

    def dying(path, settings, cache=None):
        if os.getpid() != parent:
            os._exit(3)  # the first file a worker takes kills it, before it reports anything
        if not victims:
            time.sleep(0.5)  # leave the worker time to take a file, even on a busy machine
        victims.append(path)
        return original(path, settings, cache)

    monkeypatch.setattr(parallel, "lint_one", dying)
    files = discover([str(project)])
    result = lint_paths(files, SETTINGS, jobs=2)
    assert [report.path for report in result.reports] == sorted(files)
    lost = [r.path for r in result.reports if any("ended abnormally" in f.message for f in r.findings)]
    assert len(lost) == 1 and lost[0] not in victims
    assert len(victims) == len(files) - 1
    assert all(f.code == "INT001" for r in result.reports if r.path in lost for f in r.findings)


def test_spawned_workers_give_the_same_reports(project):
    """The path macOS and Windows take (spawn, top-level functions), exercised here too."""
    files = discover([str(project)])
    sizes = {path: os.path.getsize(path) if os.path.isfile(path) else 0 for path in files}
    order = sorted(files, key=lambda path: -sizes[path])
    reports = parallel._lint_spawned(order, sizes, SETTINGS, 2)
    spawned = sorted((f.to_json() for r in reports for f in r.findings), key=json.dumps)
    sequential = sorted((f.to_json() for f in lint_paths(files, SETTINGS, jobs=1).findings), key=json.dumps)
    assert spawned == sequential
    assert sorted(r.path for r in reports) == sorted(files)


@FORK
def test_element_identities_cross_the_process_boundary(project):
    files = discover([str(project)])
    sequential = lint_paths(files, SETTINGS, jobs=1)
    result = lint_paths(files, SETTINGS, jobs=2)
    located = [f for f in result.findings if f.code.startswith("WS")]
    assert located and all(f.element is None for f in located)
    assert all(f.identity and f.identity.startswith("Protocol/") for f in located)
    assert [f.identity for f in result.findings] == [f.identity for f in sequential.findings]


@FORK
def test_when_no_process_can_be_started_this_one_lints_everything(project, monkeypatch):
    def refuse():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    files = discover([str(project)])
    sequential = lint_paths(files, SETTINGS, jobs=1)
    monkeypatch.setattr(parallel.os, "fork", refuse)
    result = lint_paths(files, SETTINGS, jobs=2)
    assert [f.to_json() for f in result.findings] == [f.to_json() for f in sequential.findings]
