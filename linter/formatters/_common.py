"""Helpers the CI formats share: display paths and line-free fingerprints."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import quote

from dmlint.core.identity import stable_message

SECTION = re.compile(r"^## (?P<title>.+?)\s*$", re.MULTILINE)


def relative_path(path: str) -> str:
    """The path relative to the current directory (forward slashes), or absolute when outside it."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.getcwd())
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return relative.replace(os.sep, "/")


def artifact_uri(path: str) -> tuple[str, bool]:
    """(URI, is relative to the current directory) for a SARIF artifactLocation."""
    display = relative_path(path)
    if os.path.isabs(display) or re.match(r"^[A-Za-z]:/", display):
        return Path(os.path.abspath(path)).as_uri(), False
    return quote(display, safe="/"), True


def fingerprints(findings) -> list[str]:
    """One hex fingerprint per finding, from code, path, element identity and message.

    No line number goes in, so inserting unrelated lines leaves them unchanged; an
    occurrence counter keeps identical findings apart, so every fingerprint is unique.
    """
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        base = "\x1f".join((finding.code, relative_path(finding.path), finding.identity or "",
                             stable_message(finding.message)))
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        result.append(hashlib.sha256(f"{base}\x1f{occurrence}".encode("utf-8")).hexdigest())
    return result


def doc_section(doc: str, title: str) -> str:
    """The text of one `## Title` section of a rule's docstring."""
    matches = list(SECTION.finditer(doc))
    for index, match in enumerate(matches):
        if match.group("title").strip().lower() == title.lower():
            end = matches[index + 1].start() if index + 1 < len(matches) else len(doc)
            return " ".join(doc[match.end():end].split())
    return ""
