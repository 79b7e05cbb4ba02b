"""The installed package holds every source folder: pyproject.toml lists each subpackage."""

from __future__ import annotations

import sys

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOTS = {"linter": "dmlint", "rules": "dmlint.rules", "schemas": "dmlint.schemas"}


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = set()
    for folder, package in ROOTS.items():
        for init in (REPO / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(REPO / folder).parts
            if package == "dmlint" and parts[:1] in (("rules",), ("schemas",)):
                continue
            found.add(".".join((package, *parts)))
    assert found == listed, f"missing from pyproject: {sorted(found - listed)}; stale: {sorted(listed - found)}"
