"""The pre-commit hook, run end to end by the real `pre-commit` in a throwaway git repository.

`pre-commit try-repo` installs dmlint from a git copy of this checkout's current tree into
its own virtualenv (pip, from PyPI) and runs the `dmlint` hook as a user's commit would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO
from protocol_variants import clean_text, example_text, write

pytest.importorskip("pre_commit", reason="pre-commit is in the test extras")
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is needed by pre-commit")

GIT_IDENTITY = ["-c", "user.name=dmlint tests", "-c", "user.email=tests@example.invalid",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]


def _git(*args, cwd):
    return subprocess.run([GIT, *GIT_IDENTITY, *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def _snapshot_of_this_checkout(target):
    """A git repository holding this checkout's working tree (tracked and new files, not ignored ones)."""
    if (REPO / ".git").exists():
        listed = subprocess.run([GIT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                                check=True, capture_output=True, timeout=60).stdout.decode().split("\0")
        names = [name for name in listed if name and (REPO / name).is_file()]
    else:  # an unpacked source tree without git metadata
        names = [str(p.relative_to(REPO)) for p in REPO.rglob("*")
                 if p.is_file() and not any(part.startswith((".venv", ".git", "__pycache__")) or
                                            part.endswith(".egg-info") for part in p.relative_to(REPO).parts)]
    for name in names:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, destination)
    assert (target / ".pre-commit-hooks.yaml").is_file()
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "snapshot", cwd=target)


def _try_repo(source, project, home, *args):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("PRE_COMMIT", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(source), "dmlint", *args],
                          cwd=project, env=env, capture_output=True, timeout=480)


def test_hook_in_a_throwaway_repository(tmp_path):
    source = tmp_path / "dmlint-src"
    _snapshot_of_this_checkout(source)
    project = tmp_path / "protocols"
    write(project, "good/protocol.xml", clean_text())
    write(project, "bad/protocol.xml", example_text())
    write(project, "build/pom.xml", '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n')
    write(project, "notes.txt", "not xml\n")
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)

    failed = _try_repo(source, project, tmp_path / "pre-commit-home", "--all-files")
    output = failed.stdout.decode(errors="replace")
    assert failed.returncode == 1, output + failed.stderr.decode(errors="replace")
    assert "dmlint" in output and "Failed" in output
    assert "bad/protocol.xml:79:5: WS006 [warning]" in output
    assert "good/protocol.xml:" not in output and "pom.xml" not in output
    assert "in 2 files" in output  # the two protocols; pom.xml was skipped as not a protocol

    passed = _try_repo(source, project, tmp_path / "pre-commit-home",
                       "--files", "good/protocol.xml", "build/pom.xml", "notes.txt")
    output = passed.stdout.decode(errors="replace")
    assert passed.returncode == 0, output + passed.stderr.decode(errors="replace")
    assert "Passed" in output
