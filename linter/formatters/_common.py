"""Helpers the CI formats share: display paths and line-free fingerprints."""

from __future__ import annotations

import hashlib
import json
import os
import re
from json.encoder import encode_basestring
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


class PathNames:
    """`relative_path` and `artifact_uri` memoized for one rendering: a report names few
    files but may hold 100,000s of findings, and each call asks the OS for the current
    directory."""

    def __init__(self):
        self._relative: dict[str, str] = {}
        self._uris: dict[str, tuple[str, bool]] = {}

    def relative(self, path: str) -> str:
        found = self._relative.get(path)
        if found is None:
            found = self._relative[path] = relative_path(path)
        return found

    def uri(self, path: str) -> tuple[str, bool]:
        found = self._uris.get(path)
        if found is None:
            found = self._uris[path] = artifact_uri(path)
        return found


def artifact_uri(path: str) -> tuple[str, bool]:
    """(URI, is relative to the current directory) for a SARIF artifactLocation."""
    display = relative_path(path)
    if os.path.isabs(display) or re.match(r"^[A-Za-z]:/", display):
        return Path(os.path.abspath(path)).as_uri(), False
    return quote(display, safe="/"), True


def fingerprints(findings, names: PathNames | None = None) -> list[str]:
    """One hex fingerprint per finding, from code, path, element identity and message.

    No line number goes in, so inserting unrelated lines leaves them unchanged; an
    occurrence counter keeps identical findings apart, so every fingerprint is unique.
    """
    names = names or PathNames()
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        base = "\x1f".join((finding.code, names.relative(finding.path), finding.identity or "",
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


def dumps_indented(value) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, the same text, several times faster.

    With an indent the standard library encodes in pure Python, generator by generator
    (seconds for a report of 200,000 findings); this writes the same layout with one list
    of pieces, strings escaped by the C encoder. Values other than dicts with string keys,
    lists, tuples, strings, ints, floats, booleans and None go to the standard encoder.
    """
    pieces: list[str] = []
    try:
        _encode(value, pieces, "\n")
    except _Unsupported:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(pieces)


class _Unsupported(Exception):
    pass


_CONSTANTS = {True: "true", False: "false"}


def _leaf(item) -> str | None:
    """The JSON text of a string, int, boolean or None; None for anything else."""
    kind = type(item)
    if kind is str:
        return encode_basestring(item)
    if kind is int:
        return int.__repr__(item)
    if item is None:
        return "null"
    if kind is bool:
        return _CONSTANTS[item]
    return None


def _encode(value, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unsupported
            # leaves written in place: most values of a report are strings and numbers, and a
            # call per leaf would cost more than the rest of the encoding
            kind_of_item = type(item)
            if kind_of_item is str:
                out.append(separator + encode_basestring(key) + ": " + encode_basestring(item))
            elif kind_of_item is int:
                out.append(separator + encode_basestring(key) + ": " + int.__repr__(item))
            else:
                out.append(separator + encode_basestring(key) + ": ")
                _encode(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            text = _leaf(item) if type(item) is str or type(item) is int else None
            if text is not None:
                out.append(separator + text)
            else:
                out.append(separator)
                _encode(item, out, inner)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(json.dumps(value))
    else:
        raise _Unsupported
