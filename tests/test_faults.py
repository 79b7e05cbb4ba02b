"""Encodings and file-system faults: right positions whatever the encoding, and one bad
file never stops the others (unreadable files are IO001 findings, bad paths exit 2)."""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from dmlint.core.engine import LintSettings, lint_paths
from dmlint.core.files import discover
from dmlint.core.selection import select_rules

from conftest import EXAMPLES, run_dmlint

EXAMPLE_PATH = EXAMPLES / "websocket-handshake.xml"
EXAMPLE = EXAMPLE_PATH.read_text(encoding="utf-8")
PROLOG = '<?xml version="1.0" encoding="utf-8"?>'
HANDSHAKE = "<WebSocketHandshake>25</WebSocketHandshake>"
MARK = "<!--é€ü-->"  # characters that take 1 byte in windows-1252, 2-3 in UTF-8, 2 in UTF-16


def check(*args: str, timeout: float = 60):
    result = run_dmlint("check", *args, timeout=timeout)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result


def findings_of(result) -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]


def without_declared_encoding(findings: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The findings but PROT007, which reports exactly that the file declares another encoding
    than UTF-8 (and must, once: the rest does not depend on the encoding)."""
    assert [code for code, _, _ in findings].count("PROT007") == 1, findings
    return [finding for finding in findings if finding[0] != "PROT007"]


def marked(encoding_name: str) -> str:
    """The example, declaring `encoding_name`, with non-ASCII text just before a finding."""
    assert EXAMPLE.startswith(PROLOG) and EXAMPLE.count(HANDSHAKE) == 1
    text = EXAMPLE.replace(PROLOG, f'<?xml version="1.0" encoding="{encoding_name}"?>', 1)
    return text.replace(HANDSHAKE, MARK + HANDSHAKE)


def _utf8_reference(tmp_path) -> list[tuple[str, int, int]]:
    path = tmp_path / "utf8.xml"
    path.write_bytes(codecs.BOM_UTF8 + marked("utf-8").encode("utf-8"))
    return findings_of(check(str(path), "--format", "json"))


@pytest.mark.parametrize("name, data", [
    ("utf-16-le-bom", lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
    ("utf-16-be-bom", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
])
def test_utf16_with_bom(tmp_path, name, data):
    expected = _utf8_reference(tmp_path)
    path = tmp_path / f"{name}.xml"
    path.write_bytes(data(marked("UTF-16")))
    result = check(str(path), "--format", "json")
    assert result.returncode == 1
    assert without_declared_encoding(findings_of(result)) == expected
    # The column counts characters: the mark before the WebSocketHandshake shifts it by its length.
    ws010 = next(f for f in expected if f[0] == "WS010")
    assert ws010[2] == EXAMPLE.splitlines()[ws010[1] - 1].index("<WebSocketHandshake>") + 1 + len(MARK)
    text = check(str(path)).stdout.decode("utf-8")
    assert MARK + HANDSHAKE in text  # the snippet is decoded, not mojibake


def test_windows_1252_declared_in_the_prolog(tmp_path):
    expected = _utf8_reference(tmp_path)
    path = tmp_path / "cp1252.xml"
    path.write_bytes(marked("windows-1252").encode("cp1252"))
    assert "€".encode("cp1252") in path.read_bytes()  # one byte, 0x80: invalid as UTF-8
    result = check(str(path), "--format", "json")
    assert result.returncode == 1
    assert without_declared_encoding(findings_of(result)) == expected
    snippet = check(str(path)).stdout.decode("utf-8")
    assert MARK + HANDSHAKE in snippet  # decoded as windows-1252: no mojibake, no U+FFFD
    assert "\ufffd" not in snippet


def test_caret_under_the_finding_after_non_ascii(tmp_path):
    path = tmp_path / "cp1252.xml"
    path.write_bytes(marked("windows-1252").encode("cp1252"))
    lines = check(str(path)).stdout.decode("utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if " WS010 " in line)
    source, caret = lines[header + 1], lines[header + 2]
    assert source[caret.index("^"):].startswith("<WebSocketHandshake>")


def test_double_bom_is_malformed_at_1_1(tmp_path):
    path = tmp_path / "double-bom.xml"
    path.write_bytes(codecs.BOM_UTF8 * 2 + EXAMPLE.encode("utf-8"))
    result = check(str(path), "--format", "json")
    assert result.returncode == 1
    assert findings_of(result) == [("XML001", 1, 1)]


@pytest.mark.parametrize("declared, data", [
    ("no-such-encoding", "<Protocol/>".encode()),
    ("utf-8", "<Protocol><Name>caf\xe9</Name></Protocol>".encode("latin-1")),
])
def test_bad_encodings_are_xml001(tmp_path, declared, data):
    path = tmp_path / "bad-encoding.xml"
    path.write_bytes(f'<?xml version="1.0" encoding="{declared}"?>\n'.encode() + data)
    result = check(str(path), "--format", "json")
    assert result.returncode == 1
    assert [code for code, _, _ in findings_of(result)] == ["XML001"]


# -- files that cannot be read -------------------------------------------------------------------

def _unreadable_by_mode(folder: Path) -> Path | None:
    """A mode-000 file, or None where permissions do not stop reading (root)."""
    path = folder / "no-permission.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    path.chmod(0)
    try:
        path.read_bytes()
    except PermissionError:
        return path
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    path.unlink()
    return None


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs")
def test_unreadable_files_are_io001_and_the_rest_is_linted(tmp_path):
    (tmp_path / "good.xml").write_text(EXAMPLE, encoding="utf-8")
    (tmp_path / "dangling.xml").symlink_to(tmp_path / "missing-target.xml")
    (tmp_path / "self-loop.xml").symlink_to(tmp_path / "self-loop.xml")
    os.mkfifo(tmp_path / "pipe.xml")  # opening it for reading would block forever
    unreadable = {"dangling.xml", "self-loop.xml", "pipe.xml"}
    if _unreadable_by_mode(tmp_path) is not None:  # not when running as root
        unreadable.add("no-permission.xml")
    try:
        for jobs in ("1", "2"):
            result = check(str(tmp_path), "--format", "json", "-j", jobs, timeout=30)
            assert result.returncode == 1
            report = json.loads(result.stdout)
            by_file: dict[str, list[str]] = {}
            for finding in report["findings"]:
                by_file.setdefault(Path(finding["path"]).name, []).append(finding["code"])
            assert {name for name, found in by_file.items() if found == ["IO001"]} == unreadable
            assert {"WS006", "WS007", "WS010"} <= set(by_file["good.xml"])
            messages = {Path(f["path"]).name: f["message"] for f in report["findings"] if f["code"] == "IO001"}
            assert "not a regular file" in messages["pipe.xml"]
    finally:
        for path in tmp_path.iterdir():
            if not path.is_symlink():
                path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(not os.path.exists("/dev/null") or sys.platform == "win32", reason="POSIX devices")
def test_a_device_named_on_the_command_line_is_io001_not_read():
    result = check("/dev/zero", "--format", "json", timeout=30)  # reading it would never end
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["code"] == "IO001" and "character device" in finding["message"]


def test_a_file_vanishing_before_it_is_read_is_io001(tmp_path):
    good = tmp_path / "good.xml"
    good.write_text(EXAMPLE, encoding="utf-8")
    gone = str(tmp_path / "gone.xml")
    result = lint_paths([gone, str(good)], LintSettings(selected=select_rules(select=(), ignore=())))
    assert [(Path(f.path).name, f.code) for f in result.findings if f.code == "IO001"] == [("gone.xml", "IO001")]
    assert any(f.code == "WS006" for f in result.findings)


@pytest.mark.skipif(sys.platform == "win32", reason="directory symlinks")
def test_directory_symlink_loop_does_not_hang(tmp_path):
    tree = tmp_path / "tree"
    (tree / "a" / "b").mkdir(parents=True)
    (tree / "a" / "b" / "protocol.xml").write_text(EXAMPLE, encoding="utf-8")
    (tree / "a" / "b" / "back-to-top").symlink_to(tree, target_is_directory=True)
    (tree / "a" / "self").symlink_to(tree / "a", target_is_directory=True)
    result = check(str(tree), "--format", "json", timeout=30)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["files_checked"] == 1
    assert {Path(f["path"]).name for f in report["findings"]} == {"protocol.xml"}


def test_missing_path_exits_2_with_one_line(tmp_path):
    good = tmp_path / "good.xml"
    good.write_text(EXAMPLE, encoding="utf-8")
    missing = tmp_path / "does-not-exist.xml"
    for args in ([str(missing)], [str(good), str(missing)]):
        result = check(*args)
        assert result.returncode == 2
        lines = result.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and str(missing) in lines[0] and lines[0].startswith("dmlint: error:")
    assert check(str(missing)).stdout == b""  # nothing else to report
    # issue 12, problem 8: the other paths are still linted, and the run ends with exit 2
    result = check(str(good), str(missing))
    assert b"WS006" in result.stdout and b"in 1 file" in result.stdout


def test_a_directory_that_cannot_be_listed_is_io001(tmp_path, monkeypatch):
    (tmp_path / "good.xml").write_text(EXAMPLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.xml").write_text(EXAMPLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # what a mode-000 directory does for a user other than root
        if os.path.normpath(os.fspath(path)) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = discover([str(tmp_path)])
    assert str(locked) in files
    monkeypatch.setattr(os, "open", _refusing_open(os.open, str(locked)))
    result = lint_paths(files, LintSettings(selected=select_rules(select=(), ignore=())))
    io = [(f.path, f.message) for f in result.findings if f.code == "IO001"]
    assert io == [(str(locked), "cannot read file: Permission denied")]
    assert any(f.code == "WS006" and f.path.endswith("good.xml") for f in result.findings)


def _refusing_open(real_open, refused: str):
    def guarded(path, *args, **kwargs):
        if os.fspath(path) == refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    return guarded
