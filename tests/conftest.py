"""Shared test helpers: paths to ../shared data and running the installed `dmlint` script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"  # rule fixtures, run by tests/test_fixtures.py
PROTOCOLS = Path(__file__).resolve().parent / "protocols"  # protocols for other tests (live, ...)
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"

# Tests lint without the findings cache (a test that patches a rule in process must never get a
# result cached before); tests/test_cache.py turns it on where it tests it.
os.environ["DMLINT_NO_CACHE"] = "1"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent (a user's fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is only beside CI and developer checkouts)")
    return path


def dmlint_executable() -> str:
    """The installed console script next to this interpreter (tests the real entry point)."""
    candidate = Path(sys.executable).parent / ("dmlint.exe" if os.name == "nt" else "dmlint")
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dmlint")
    if not found:
        pytest.fail("the dmlint console script is not installed; run pip install -e '.[test]'")
    return found


def run_dmlint(*args: str, cwd: Path | str | None = None, input: bytes | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed `dmlint` as a user would; returns the completed process (text output)."""
    return subprocess.run([dmlint_executable(), *args], cwd=cwd, input=input, capture_output=True,
                          timeout=timeout)


def run_json(*args: str, cwd=None) -> tuple[int, dict]:
    result = run_dmlint(*args, "--format", "json", cwd=cwd)
    return result.returncode, json.loads(result.stdout.decode("utf-8"))
