"""The chunked line index agrees with a plain table of line starts, at chunk edges too."""

import random

import pytest

from dmlint.core.parser import Document, LineIndex, parse


def naive_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 16])
@pytest.mark.parametrize("seed", range(6))
def test_line_index_matches_table(monkeypatch, chunk, seed):
    monkeypatch.setattr(LineIndex, "CHUNK", chunk)
    rng = random.Random(seed)
    text = "".join(rng.choice("ab\n\n\r") for _ in range(rng.randint(0, 300)))
    if seed == 0:
        text = ""
    elif seed == 1:
        text = "\n" * 20
    index = LineIndex(text)
    starts = naive_starts(text)
    assert index.count == len(starts)
    for line in range(1, len(starts) + 1):
        assert index.start(line) == starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(text)
        assert index.span(line) == (starts[line - 1], end)
    assert index.span(0) is None and index.span(len(starts) + 1) is None
    for offset in range(len(text) + 1):
        assert index.line_of(offset) == sum(1 for s in starts if s <= offset)


def test_locate_same_tag_twice_on_one_line_and_single_candidate():
    data = b'<Protocol>\n<Params><Param id="1"/><Param id="2"/></Params>\n  <Name>x</Name>\n</Protocol>\n'
    document = parse("t.xml", data)
    assert isinstance(document, Document)
    first, second = document.root.iter("Param")
    assert document.locate(first) == (2, 9)
    assert document.locate(second, "id") == (2, 31)
    assert document.locate(document.root.find("Name")) == (3, 3)
    assert document.line_text(3) == "  <Name>x</Name>"
    assert document.line_text(6) == ""


def test_line_starts_table_still_available():
    document = parse("t.xml", b"<Protocol>\n  <Params/>\n</Protocol>")
    assert document.line_starts == [0, 11, 23]
    assert [document.lines.start(n) for n in (1, 2, 3)] == document.line_starts
