"""Turn command-line paths into the list of XML files to lint."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

# Kept for callers of `discover`; `dmlint check` uses the configuration's `exclude` instead.
SKIPPED_DIRECTORIES = {"node_modules", "__pycache__"}


class MissingPathError(Exception):
    """A path given on the command line does not exist."""


def is_xml(name: str) -> bool:
    return name.lower().endswith(".xml")


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)  # sorted, no duplicates
    missing: list[str] = field(default_factory=list)  # given paths that do not exist, in the order given
    explicit: set[str] = field(default_factory=set)  # files named on the command line (normalized)
    excluded: list[str] = field(default_factory=list)  # explicit paths left out by --force-exclude


def _default_excluded(path: str, is_dir: bool) -> bool:
    name = os.path.basename(path)
    return is_dir and (name.startswith(".") or name in SKIPPED_DIRECTORIES)


def walk(paths: list[str], excluded: Callable[[str, bool], bool] = _default_excluded,
         force_excluded: Callable[[str, bool], bool] | None = None) -> Discovery:
    """Files named directly are kept as given (unless `force_excluded(path, is_dir)` says to
    leave them out: --force-exclude); directories are walked for *.xml, leaving out what
    `excluded(path, is_dir)` excludes.

    Directory symlinks are not followed, so symlink loops cannot trap the walk. Paths that do
    not exist are collected, not raised: the others are still linted.
    """
    result = Discovery()
    found: dict[str, None] = {}

    def unlistable(error: OSError) -> None:  # kept as a path: reading it reports IO001
        found.setdefault(os.path.normpath(error.filename), None)

    for given in paths:
        if os.path.isdir(given):
            if force_excluded is not None and force_excluded(os.path.normpath(given), True):
                result.excluded.append(given)
                continue
            for directory, subdirs, files in os.walk(given, onerror=unlistable):
                subdirs[:] = sorted(d for d in subdirs if not excluded(os.path.join(directory, d), True))
                for name in sorted(files):
                    path = os.path.normpath(os.path.join(directory, name))
                    if is_xml(name) and not excluded(path, False):
                        found[path] = None
        elif os.path.lexists(given):
            path = os.path.normpath(given)
            if force_excluded is not None and force_excluded(path, False):
                result.excluded.append(given)
                continue
            found[path] = None
            result.explicit.add(path)
        else:
            result.missing.append(given)
    result.files = sorted(found)
    return result


def discover(paths: list[str]) -> list[str]:
    """Files named directly are kept as given; directories are walked for *.xml.

    Hidden directories (.git, .venv, ...) and node_modules are not entered. The result is
    sorted and free of duplicates. A path that does not exist raises MissingPathError.
    """
    result = walk(paths)
    if result.missing:
        raise MissingPathError(result.missing[0])
    return result.files
