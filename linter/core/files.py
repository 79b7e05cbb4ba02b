"""Turn command-line paths into the list of XML files to lint."""

from __future__ import annotations

import os

SKIPPED_DIRECTORIES = {"node_modules", "__pycache__"}


class MissingPathError(Exception):
    """A path given on the command line does not exist."""


def is_xml(name: str) -> bool:
    return name.lower().endswith(".xml")


def discover(paths: list[str]) -> list[str]:
    """Files named directly are kept as given; directories are walked for *.xml.

    Hidden directories (.git, .venv, ...) are not entered and directory symlinks
    are not followed, so symlink loops cannot trap the walk. The result is sorted
    and free of duplicates.
    """
    found: dict[str, None] = {}

    def unlistable(error: OSError) -> None:  # kept as a path: reading it reports IO001
        found.setdefault(os.path.normpath(error.filename), None)

    for given in paths:
        if os.path.isdir(given):
            for directory, subdirs, files in os.walk(given, onerror=unlistable):
                subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d not in SKIPPED_DIRECTORIES)
                for name in sorted(files):
                    if is_xml(name):
                        found[os.path.normpath(os.path.join(directory, name))] = None
        elif os.path.lexists(given):
            found[os.path.normpath(given)] = None
        else:
            raise MissingPathError(given)
    return sorted(found)
