"""`--fix` and `--diff`: apply the fixes rules offer, lint again, until nothing more is fixable.

Fixes are applied to the document's decoded text and written back in the file's own
encoding, with its byte-order mark: only the bytes of the edits change. A file whose
bytes do not survive decoding and encoding unchanged (invalid UTF-8, say) is never
rewritten. Suppressed findings are not fixed. Overlapping fixes wait for the next round;
there are at most MAX_ROUNDS rounds, so two rules that undo each other cannot loop.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass

from dmlint.core.fixes import SAFE, apply

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    data: bytes  # the file's bytes after fixing (unchanged when nothing applied)
    fixed: int  # how many findings were fixed
    report: object  # the FileReport of the final round (what remains)
    refused: str | None = None  # why the file could not be rewritten
    original_text: str = ""  # the decoded text before any fix


def fixable(finding, settings) -> bool:
    """Whether `finding` may be fixed under these settings (safety, fixable/unfixable)."""
    fix = finding.fix
    if fix is None or finding.suppression is not None:
        return False
    if fix.safety != SAFE and not settings.unsafe_fixes:
        return False
    if settings.fixable is not None and finding.code not in settings.fixable:
        return False
    return finding.code not in settings.unfixable


BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def bom_and_encoding(original: bytes, document) -> tuple[bytes, str]:
    """The byte-order mark `original` starts with (or b'') and the encoding of the rest."""
    for bom, encoding in BOMS:
        if original.startswith(bom):
            return bom, encoding
    return b"", document.root.getroottree().docinfo.encoding or "utf-8"


def encode_like(text: str, original: bytes, document) -> bytes | None:
    """`text` in the encoding and with the byte-order mark of `original` (whose decoded text is
    `document.text`), or None when `original` does not round-trip through that encoding."""
    bom, encoding = bom_and_encoding(original, document)
    try:
        if bom + document.text.encode(encoding) != original:
            return None
        return bom + text.encode(encoding)
    except (LookupError, UnicodeError):
        return None


def fix_bytes(path: str, data: bytes, settings, lint) -> FixOutcome:
    """Lint `data` with `lint(path, data, settings)`, apply the allowed fixes, repeat."""
    fixed = 0
    report = lint(path, data, settings)
    original_text = report.document.text if report.document is not None else ""
    for _ in range(MAX_ROUNDS):
        if report.document is None:
            break
        fixes = [finding.fix for finding in report.findings if fixable(finding, settings)]
        if not fixes:
            break
        text, applied = apply(report.document.text, fixes)
        if not applied:
            break
        encoded = encode_like(text, data, report.document)
        if encoded is None:
            return FixOutcome(data, fixed, report, "its bytes do not survive decoding and encoding unchanged",
                              original_text)
        data, fixed = encoded, fixed + len(applied)
        report = lint(path, data, settings)
    return FixOutcome(data, fixed, report, None, original_text)


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file's content in one step (a reader never sees half a file), keeping its mode."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=".dmlint-fix-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def unified_diff(path: str, before_text: str, after: bytes, before: bytes, document) -> str:
    """A unified diff of a file's fixes, which `patch -p0` applies."""
    import difflib

    bom, encoding = bom_and_encoding(before, document)
    after_text = after[len(bom):].decode(encoding)
    lines = difflib.unified_diff(before_text.splitlines(keepends=True), after_text.splitlines(keepends=True),
                                 fromfile=path, tofile=path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
