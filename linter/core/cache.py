"""The findings cache: a file whose bytes, settings, dmlint code and schema are unchanged is not
parsed again (`dmlint check`, unless `--no-cache`).

One entry per (file path, content, settings) in the cache directory:

    <cache dir>/<dmlint version>-<code fingerprint>/<key[:2]>/<key>.json

The key is a SHA-256 over the path, the file's bytes and the fingerprint of the settings it is
linted with (rules and official codes selected, severities, schema file and its state, schema
validation on or off). The code fingerprint changes with every change to dmlint's own files
(an editable install being worked on) and the version with every release, so a stale entry is
never read. Entries are JSON (a cache directory is never trusted to run code), written to a
temporary file and renamed into place: concurrent runs never see half an entry, and an entry
that cannot be read or does not look like one is ignored (and rewritten).

Where the cache lives: `--cache-dir`, else `$DMLINT_CACHE_DIR`, else `.dmlint_cache` in the
folder of the configuration file that governs the working directory, else the user's cache
folder (`$XDG_CACHE_HOME/dmlint`, `~/Library/Caches/dmlint`, `%LOCALAPPDATA%\\dmlint\\Cache`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile

from dmlint.core.problem import Finding

CACHE_DIR_NAME = ".dmlint_cache"
FORMAT = 1  # bump when the layout of an entry changes
_FINGERPRINT: str | None = None


def user_cache_dir() -> str:
    """The platform's per-user cache folder for dmlint."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "dmlint", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/dmlint")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dmlint")


def code_fingerprint() -> str:
    """dmlint's version and the state of its code: for a regular install, its installation
    record (rewritten by every install); for a checkout (an editable install), the size and
    modification time of every file of its packages."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        import dmlint
        from dmlint import __version__

        digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version_info[:2]}".encode())
        record = _install_record(os.path.dirname(os.path.abspath(dmlint.__file__)))
        if record is not None:
            stat = os.stat(record)
            digest.update(f"{record}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        else:
            import dmlint.rules
            import dmlint.schemas

            packages = (dmlint, dmlint.rules, dmlint.schemas)
            for folder in sorted({folder for package in packages for folder in package.__path__}):
                for entry in _files(folder):
                    stat = entry.stat()
                    digest.update(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        _FINGERPRINT = f"{__version__}-{digest.hexdigest()[:16]}"
    return _FINGERPRINT


def _install_record(package_folder: str) -> str | None:
    """The RECORD of the dist-info beside an installed (not editable) dmlint package, or None."""
    parent = os.path.dirname(package_folder)
    try:
        with os.scandir(parent) as entries:
            for entry in entries:
                if entry.name.startswith("dmlint-") and entry.name.endswith(".dist-info"):
                    record = os.path.join(entry.path, "RECORD")
                    if os.path.isfile(record) and _records_package(record):
                        return record
    except OSError:
        pass
    return None


def _records_package(record: str) -> bool:
    """Whether the install record lists the package's own files (an editable install's lists
    only its import hook)."""
    with open(record, encoding="utf-8", errors="replace") as handle:
        return any(line.startswith("dmlint/core/cache.py,") for line in handle)


def _files(folder: str):
    stack = [folder]
    while stack:
        try:
            entries = sorted(os.scandir(stack.pop()), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    stack.append(entry.path)
            elif entry.name.endswith((".py", ".xsd", ".tsv", ".json")):
                yield entry


# Settings that change what is done with the findings, never the findings themselves. Every
# other field of LintSettings is part of the fingerprint, so a new setting can never bring back
# stale results by being forgotten here.
NOT_IN_FINDINGS = frozenset({"fail_on", "fix", "unsafe_fixes", "fixable", "unfixable", "per_path",
                             "per_file_ignores"})


def settings_fingerprint(settings) -> str:
    """What, in the settings a file is linted with, decides its findings: every setting but
    NOT_IN_FINDINGS, and the state of the schema file and the XSDs beside it."""
    from dataclasses import fields

    values = [(field.name, _canonical(getattr(settings, field.name))) for field in fields(settings)
              if field.name not in NOT_IN_FINDINGS]
    return json.dumps([values, _schema_state(settings.schema)])


def _canonical(value):
    """A JSON-ready value that does not depend on set or dict order."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, dict):
        return sorted((key, _canonical(item)) for key, item in value.items())
    return value


def _schema_state(schema: str | None) -> str:
    if not schema:
        return ""
    try:
        stat = os.stat(schema)
        state = f"{os.path.abspath(schema)}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        state = f"{schema}:missing"
    folder = os.path.dirname(os.path.abspath(schema))
    try:  # the schema's includes (e.g. Skyline's uom.xsd) live beside it
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.name.endswith(".xsd"):
                stat = entry.stat()
                state += f"|{entry.name}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        pass
    return state


class Cache:
    """Read and write finding entries in one cache directory; every failure is a miss."""

    def __init__(self, directory: str):
        self.directory = directory
        self.folder = os.path.join(directory, code_fingerprint())
        self.hits = 0
        self.writable = True
        self._settings_fingerprints: dict[int, tuple[object, str]] = {}

    def key(self, path: str, data: bytes, settings) -> str:
        remembered = self._settings_fingerprints.get(id(settings))
        if remembered is None or remembered[0] is not settings:
            remembered = (settings, settings_fingerprint(settings))
            self._settings_fingerprints[id(settings)] = remembered
        digest = hashlib.sha256(path.encode("utf-8", "surrogatepass"))
        digest.update(b"\0" + remembered[1].encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def get(self, key: str, path: str):
        """The cached report of this file, or None."""
        from dmlint.core.engine import FileReport

        try:
            with open(self._entry(key), "rb") as handle:
                entry = json.loads(handle.read())
            if entry.get("path") != path:
                return None
            report = FileReport(path, [_finding(path, item) for item in entry["findings"]],
                                skipped=entry["skipped"],
                                suppressed=[_finding(path, item) for item in entry["suppressed"]])
            report.note = entry.get("note")
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        self.hits += 1
        return report

    def put(self, key: str, report) -> None:
        """Store a report (its findings without their elements); never raises."""
        if not self.writable:
            return
        entry = {"path": report.path, "skipped": report.skipped, "note": getattr(report, "note", None),
                 "findings": [_plain(finding) for finding in report.findings],
                 "suppressed": [_plain(finding) for finding in report.suppressed]}
        target = self._entry(key)
        try:
            folder = os.path.dirname(target)
            if not os.path.isdir(folder):
                _prepare(self.directory)
                if not os.path.isdir(self.folder):  # a new dmlint version or code: drop stale ones
                    _prune(self.directory, os.path.basename(self.folder))
                os.makedirs(folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as output:
                    output.write(json.dumps(entry, separators=(",", ":")).encode())
                os.replace(temporary, target)
            except BaseException:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
                raise
        except (OSError, TypeError, ValueError):
            self.writable = False  # a read-only or full disk: lint on without the cache


STALE_SECONDS = 7 * 24 * 3600
_FINGERPRINT_NAME = re.compile(r"[0-9][0-9A-Za-z.+!]*-[0-9a-f]{16}")


def _prune(directory: str, keep: str) -> None:
    """Remove the entries of other dmlint versions or code states not written to for a week
    (a version in use elsewhere only loses its cache, and rebuilds it)."""
    import shutil
    import time

    limit = time.time() - STALE_SECONDS
    try:
        with os.scandir(directory) as entries:
            stale = [entry.path for entry in entries
                     if entry.name != keep and _FINGERPRINT_NAME.fullmatch(entry.name)
                     and entry.is_dir(follow_symlinks=False) and entry.stat().st_mtime < limit]
    except OSError:
        return
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)


def _prepare(directory: str) -> None:
    """A new (or empty) cache directory tells git and backup tools to leave it alone; a folder
    that already holds other things is never tagged (so `dmlint clean` never removes it)."""
    if os.path.isdir(directory) and os.listdir(directory):
        return
    os.makedirs(directory, exist_ok=True)
    for name, text in ((".gitignore", "# created by dmlint\n*\n"),
                       ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                        "# This file is a cache directory tag created by dmlint.\n")):
        try:
            with open(os.path.join(directory, name), "x", encoding="utf-8") as handle:
                handle.write(text)
        except OSError:
            pass


def _plain(finding: Finding) -> list:
    fix = finding.fix
    return [finding.line, finding.column, finding.code, finding.name, finding.severity, finding.message,
            list(finding.skyline), finding.source_line, finding.identity, finding.suppression,
            [list(item) for item in finding.related],
            None if fix is None else [fix.safety, fix.message, [[e.start, e.end, e.text] for e in fix.edits]]]


def _finding(path: str, item: list) -> Finding:
    (line, column, code, name, severity, message, skyline, source_line, identity, suppression, related,
     fix) = item
    if fix is not None:
        from dmlint.core.fixes import Edit, Fix

        fix = Fix(tuple(Edit(start, end, text) for start, end, text in fix[2]), fix[0], fix[1])
    return Finding(path, line, column, code, name, severity, message, tuple(skyline), source_line,
                   identity=identity, suppression=suppression, related=tuple(tuple(r) for r in related), fix=fix)


def clean(directory: str) -> bool:
    """Remove a cache directory made by dmlint (one with its CACHEDIR.TAG); whether it existed."""
    import shutil

    if not os.path.isdir(directory):
        return False
    if not os.path.isfile(os.path.join(directory, "CACHEDIR.TAG")):
        raise OSError(f"{directory} does not look like a dmlint cache (no CACHEDIR.TAG): not removed")
    shutil.rmtree(directory)
    return True
