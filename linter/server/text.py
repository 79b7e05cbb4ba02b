"""Offsets, lines and LSP positions over one buffer; where tags, attributes and ids are.

Everything the server computes is an offset into the buffer's text (code points, the same
text the parser's `Document.text` holds); `TextIndex` turns offsets into the client's
positions (a 0-based line and a column in UTF-16 units by default, or UTF-8 or UTF-32 when
the client negotiated them) and back. Spans are (start, end) offsets, end exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE = re.compile("\n")
_NAME_AT = re.compile(r"<[/!?]?[\w.:-]*")
_ATTRIBUTE_AT = re.compile(r"[\w.:-]+\s*=\s*(?:\"[^\"]*\"?|'[^']*'?)")
_WORD_AT = re.compile(r"[^\s<>]+")
_ATTRIBUTE_PATTERNS: dict[str, re.Pattern] = {}


class TextIndex:
    """Offset <-> (line, character) over one text, in the client's position units.

    Keeps every line's start offset (one scan of the text on first use, a few milliseconds
    for a 1 MB protocol): a request converts hundreds of offsets (document symbols), each then
    a binary search, where the parser's sparse `LineIndex` would count lines again."""

    SPARSE_LOOKUPS = 64  # lookups answered by the sparse index before the full table is built

    def __init__(self, text: str, encoding: str = "utf-16", sparse=None):
        self.text = text
        self.encoding = encoding
        self._starts: list[int] | None = None
        # The parser's LineIndex of the same text, cheap to build: it answers the first few
        # lookups (the diagnostics of a lint are usually a handful), the table the rest.
        self._sparse = sparse
        self._lookups = 0

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [match.end() for match in _NEWLINE.finditer(self.text)]
        return self._starts

    def _use_sparse(self) -> bool:
        if self._starts is not None or self._sparse is None:
            return False
        self._lookups += 1
        return self._lookups <= self.SPARSE_LOOKUPS

    def line_of(self, offset: int) -> int:
        """1-based line holding `offset` (a newline belongs to the line it ends)."""
        if self._use_sparse():
            return self._sparse.line_of(offset)
        return bisect_right(self.starts, max(0, offset))

    def span(self, line: int) -> tuple[int, int] | None:
        """(start, end) offsets of a 1-based line, end at its newline (or the text's end)."""
        if self._use_sparse():
            return self._sparse.span(line)
        starts = self.starts
        if line < 1 or line > len(starts):
            return None
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return begin, end

    def _units(self, chunk: str) -> int:
        if self.encoding == "utf-32" or chunk.isascii():
            return len(chunk)
        if self.encoding == "utf-8":
            return len(chunk.encode("utf-8", errors="surrogatepass"))
        return len(chunk) + sum(1 for ch in chunk if ord(ch) > 0xFFFF)

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        return line - 1, self._units(self.text[self.span(line)[0]:offset])

    def position_of(self, line: int, column: int) -> tuple[int, int]:
        """The client position of a 1-based (line, column) in code points (a finding's)."""
        return self.position(self.offset_of_line_column(line, column))

    def offset_of_line_column(self, line: int, column: int) -> int:
        span = self.span(max(1, line))
        if span is None:
            return len(self.text)
        return min(span[0] + max(0, column - 1), span[1])

    def offset(self, line: int, character: int) -> int:
        """The offset of a 0-based client position (clamped to its line)."""
        span = self.span(line + 1)
        if span is None:
            return len(self.text) if line >= 0 else 0
        begin, end = span
        if self.encoding == "utf-32" or self.text[begin:end].isascii():
            return min(begin + max(0, character), end)
        units = 0
        for index in range(begin, end):
            if units >= character:
                return index
            units += self._units(self.text[index])
        return end

    def line_ending(self, line: int) -> str:
        """The line ending of a 1-based line ("\r\n" or "\n"), else the text's first one."""
        span = self.span(line)
        if span is not None and span[1] < len(self.text):
            return "\r\n" if span[1] > span[0] and self.text[span[1] - 1] == "\r" else "\n"
        first = self.text.find("\n")
        return "\r\n" if first > 0 and self.text[first - 1] == "\r" else "\n"


def finding_span(text: str, offset: int) -> tuple[int, int]:
    """What a diagnostic at `offset` underlines: a tag's `<Name`, an attribute with its value,
    else the word there (at least one character, never past the line)."""
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    for pattern in (_NAME_AT, _ATTRIBUTE_AT, _WORD_AT):
        match = pattern.match(text, offset)
        if match and match.end() > offset:
            return offset, min(match.end(), max(line_end, offset + 1))
    if offset >= len(text):
        return max(0, len(text) - 1), len(text)
    return offset, offset + 1


def end_of_start_tag(text: str, offset: int) -> int:
    """Offset just past the `>` closing the start tag that opens at `offset` (quotes respected)."""
    quote = None
    for index in range(offset + 1, len(text)):
        ch = text[index]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return index + 1
    return len(text)


# Markup that is not a start tag, then a start tag's `<Name`: the k-th start tag of the text is
# the k-th element of the tree in document order (no entity is expanded into elements).
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|<([^\s/>!?]+)",
                     re.DOTALL)


class ElementSpans:
    """Where elements, their attributes and their texts are in one parsed document.

    The start of every element comes from one scan of the text paired with one walk of the
    tree (tens of milliseconds on a 1 MB protocol), built on first use; `Document.locate`,
    which finds one element at a time, is kept for a text the pairing does not fit."""

    def __init__(self, document):
        self.document = document
        self.text = document.text
        self._starts: dict | None = None

    def _start_table(self) -> dict:
        starts: dict = {}
        elements = (node for node in self.document.root.iter() if isinstance(node.tag, str))
        offsets = (match.start() for match in _MARKUP.finditer(self.text) if match.group(1) is not None)
        text = self.text
        for element, offset in zip(elements, offsets, strict=False):
            prefix = element.prefix
            local = element.tag.rpartition("}")[2]
            if not text.startswith(f"{prefix}:{local}" if prefix else local, offset + 1):
                break  # the text and the tree disagree: locate the rest one at a time
            starts[element] = offset
        return starts

    def table(self) -> dict:
        """element -> offset of its `<`, for every element the scan paired."""
        if self._starts is None:
            self._starts = self._start_table()
        return self._starts

    def start(self, element) -> int:
        """Offset of the element's `<`."""
        if self._starts is None:
            self._starts = self._start_table()
        found = self._starts.get(element)
        if found is None:
            line, column = self.document.locate(element)
            found = self._starts[element] = self.document.lines.start(line) + column - 1
        return found

    def start_tag(self, element) -> tuple[int, int]:
        begin = self.start(element)
        return begin, end_of_start_tag(self.text, begin)

    def name(self, element) -> tuple[int, int]:
        begin = self.start(element)
        match = _NAME_AT.match(self.text, begin)
        return (begin + 1, match.end()) if match else (begin, begin + 1)

    def attribute_value(self, element, attribute: str) -> tuple[int, int] | None:
        """The span of an attribute's value, inside its quotes (None: no such attribute)."""
        if element.get(attribute) is None:
            return None
        begin, tag_end = self.start_tag(element)
        pattern = _ATTRIBUTE_PATTERNS.get(attribute)
        if pattern is None:
            pattern = _ATTRIBUTE_PATTERNS[attribute] = re.compile(
                r"\s(?:[\w.-]+:)?" + re.escape(attribute) + r"\s*=\s*([\"'])")
        match = pattern.search(self.text, begin, tag_end)
        if match is None:
            return None
        value_start = match.end()
        close = self.text.find(match.group(1), value_start, tag_end)
        return value_start, (close if close >= 0 else tag_end)

    def content(self, element) -> tuple[int, int]:
        """The span of the element's text before its first child or end tag (CDATA included)."""
        begin, tag_end = self.start_tag(element)
        if self.text[tag_end - 2:tag_end] == "/>":
            return tag_end, tag_end
        index = tag_end
        while True:
            lt = self.text.find("<", index)
            if lt < 0:
                return tag_end, len(self.text)
            if self.text.startswith("<![CDATA[", lt):
                close = self.text.find("]]>", lt)
                index = len(self.text) if close < 0 else close + 3
                continue
            return tag_end, lt

    def element(self, element) -> tuple[int, int]:
        """From the element's `<` to the start of what follows it in its parent (its next
        sibling, or its parent's end): the element with the whitespace after it."""
        begin = self.start(element)
        node = element
        while node is not None:
            following = node.getnext()
            while following is not None and not isinstance(following.tag, str):
                following = following.getnext()
            if following is not None:
                return begin, max(begin + 1, self._before_whitespace(self.start(following)))
            node = node.getparent()
        closing = self.text.rfind("</")
        return begin, max(begin + 1, len(self.text) if closing < begin else closing)

    def _before_whitespace(self, offset: int) -> int:
        while offset > 0 and self.text[offset - 1] in " \t\r\n":
            offset -= 1
        return offset


def token_spans(text: str, region: tuple[int, int], tokens: list[str]) -> list[tuple[int, int] | None]:
    """The spans of id tokens inside a region, found in order (a token is a whole word there:
    '12' is not found inside '112')."""
    spans: list[tuple[int, int] | None] = []
    cursor = region[0]
    for token in tokens:
        wanted = token.strip()
        if not wanted:
            spans.append((cursor, cursor))
            continue
        pattern = re.compile(r"(?<![0-9A-Za-z_])" + re.escape(wanted) + r"(?![0-9A-Za-z_])")
        match = pattern.search(text, cursor, region[1])
        if match is None:
            spans.append(None)
            continue
        spans.append((match.start(), match.end()))
        cursor = match.end()
    return spans


def buffer_bytes(text: str) -> bytes:
    """The bytes to lint for a buffer: in the encoding its XML declaration names when that can
    hold the text (so the parser decodes exactly this text), else UTF-8 with the declaration
    taken at its word (the parser then reports what a file saved that way would get)."""
    declared = _declared_encoding(text)
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return text.encode(declared)
        except (LookupError, UnicodeError):
            pass
    return text.encode("utf-8", errors="surrogatepass")


_DECLARATION = re.compile(r"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _declared_encoding(text: str) -> str | None:
    match = _DECLARATION.match(text[:200])
    return match.group(1) if match else None
