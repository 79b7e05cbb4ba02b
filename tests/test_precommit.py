"""The pre-commit hook, run end to end by the real `pre-commit` in a throwaway git repository.

The README's snippet is copied into the throwaway repository's `.pre-commit-config.yaml`, with
a git copy of this checkout's current tree as the repository URL and its `rev` tag; pre-commit
installs dmlint from it into its own virtualenv (pip; dependencies from the package index) and
runs the `dmlint` hook as a user's commit would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from dmlint import __version__

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


def _readme_snippet(source) -> str:
    """The README's pre-commit snippet, filled in as the README says: the URL of dmlint's git
    repository (here a snapshot of this checkout) in place of DMLINT_GIT_URL; `rev` as written."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (snippet,) = [block for block in blocks if block.startswith("repos:")]
    assert "DMLINT_GIT_URL" in snippet
    return snippet.replace("DMLINT_GIT_URL", str(source))


def _pre_commit(project, home, *args):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("PRE_COMMIT", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args], cwd=project, env=env,
                          capture_output=True, timeout=480)


def test_readme_snippet_in_a_throwaway_repository(tmp_path):
    """Issue 12, problem 3: the README's snippet, copied, must work with the real pre-commit."""
    source = tmp_path / "dmlint-src"
    _snapshot_of_this_checkout(source)
    rev = re.search(r"rev: (\S+)", _readme_snippet(source)).group(1)
    assert rev == f"v{__version__}"
    # the release tag the README names, on the snapshot's commit (the real tag is on the release commit)
    _git("tag", "-a", rev, "-m", f"dmlint {rev}", cwd=source)
    project = tmp_path / "protocols"
    write(project, ".pre-commit-config.yaml", _readme_snippet(source))
    write(project, "good/protocol.xml", clean_text())
    write(project, "bad/protocol.xml", example_text())
    write(project, "build/pom.xml", '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n')
    write(project, "generated/protocol.xml", example_text())
    write(project, ".dmlint.toml", 'extend-exclude = ["generated"]\n')
    write(project, "notes.txt", "not xml\n")
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    home = tmp_path / "pre-commit-home"

    failed = _pre_commit(project, home, "--all-files")
    output = failed.stdout.decode(errors="replace")
    assert failed.returncode == 1, output + failed.stderr.decode(errors="replace")
    assert "dmlint" in output and "Failed" in output
    assert "bad/protocol.xml:79:5: WS006 [warning]" in output
    assert "good/protocol.xml:" not in output
    assert "generated/protocol.xml" not in output  # excluded by the configuration (--force-exclude)
    assert "dmlint: warning: build/pom.xml: not a protocol" in output  # named, so never silently passed
    assert "in 2 files" in output  # the two protocols that are not excluded

    _git("rm", "-q", "--cached", "bad/protocol.xml", cwd=project)
    (project / "bad" / "protocol.xml").unlink()
    passed = _pre_commit(project, home, "--all-files")
    output = passed.stdout.decode(errors="replace")
    assert passed.returncode == 0, output + passed.stderr.decode(errors="replace")
    assert "Passed" in output
