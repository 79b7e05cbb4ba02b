"""Parse protocol files safely and map elements back to line:column positions.

lxml reports the line of each element (the line on which its start tag *ends*);
columns are not kept by libxml2, so they are derived from the source text, and
only for the elements that actually get a finding (cheap on big files).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass

from lxml import etree

UTF8_BOM = codecs.BOM_UTF8


def make_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,  # keeps libxml2's depth and text-size limits against bombs
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        collect_ids=False,
    )


def local_name(tag) -> str:
    """`{ns}Name` -> `Name`; comments and PIs (non-str tags) -> ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


@dataclass
class SyntaxProblem:
    """Why a file is not well-formed XML, with the parser's position."""

    line: int
    column: int
    message: str


class Document:
    """A parsed protocol file: its root element plus what is needed to locate findings."""

    def __init__(self, path: str, data: bytes, root):
        self.path = path
        self.data = data
        self.root = root
        self._text: str | None = None
        self._line_starts: list[int] | None = None
        self._same_line_cache: dict[str, dict[int, list]] = {}
        self._start_tags_cache: dict[tuple[str, int], list[int]] = {}
        self._ordinal_cache: dict[tuple[str, int], dict[int, int]] = {}

    # -- source text ---------------------------------------------------------
    @property
    def text(self) -> str:
        if self._text is None:
            self._text = decode_source(self.data, self.root.getroottree().docinfo.encoding)
        return self._text

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", self.text))
            self._line_starts = starts
        return self._line_starts

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        if line < 1 or line > len(starts):
            return ""
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")

    def _line_of_offset(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    # -- positions -----------------------------------------------------------
    def locate(self, element, attribute: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of the element's start tag, or of one of its attributes."""
        line = element.sourceline or 1
        if not isinstance(element.tag, str):
            return line, 1
        qname = _qualified_name(element)
        start = self._start_tag_offset(element, line, qname)
        if start is None:
            return line, 1
        if attribute:
            attr_offset = self._attribute_offset(start, attribute)
            if attr_offset is not None:
                start = attr_offset
        found_line = self._line_of_offset(start)
        return found_line, start - self.line_starts[found_line - 1] + 1

    def _start_tag_offset(self, element, line: int, qname: str) -> int | None:
        # Elements with the same tag whose start tag ends on the same line are told
        # apart by their order; libxml2 gives the line where the start tag ends.
        siblings_on_line = self._elements_on_line(element.tag, line)
        if len(siblings_on_line) < 8:
            ordinal = next((i for i, el in enumerate(siblings_on_line) if el is element), 0)
        else:  # many on one line (a one-line file): index them once, not per finding
            key = (element.tag, line)
            ordinals = self._ordinal_cache.get(key)
            if ordinals is None:  # the list keeps the proxies alive, so their ids are stable
                ordinals = self._ordinal_cache[key] = {id(el): i for i, el in enumerate(siblings_on_line)}
            ordinal = ordinals.get(id(element), 0)
        candidates = self._start_tags_ending_on(qname, line)
        if not candidates:
            return None
        return candidates[min(ordinal, len(candidates) - 1)]

    def _start_tags_ending_on(self, qname: str, line: int) -> list[int]:
        """Offsets of the `<qname` start tags whose `>` is on `line` (cached: a one-line
        file with thousands of findings must not rescan its line for each one)."""
        key = (qname, line)
        found = self._start_tags_cache.get(key)
        if found is not None:
            return found
        found = self._start_tags_cache[key] = []
        starts = self.line_starts
        if line > len(starts):
            return found
        line_end = starts[line] if line < len(starts) else len(self.text)
        # Look back far enough for a start tag spread over several lines.
        region_start = starts[max(0, line - 200)]
        pattern = re.compile(r"<" + re.escape(qname) + r"(?=[\s/>])")
        for match in pattern.finditer(self.text, region_start, line_end):
            tag_end = _end_of_start_tag(self.text, match.end())
            if self._line_of_offset(tag_end) == line:
                found.append(match.start())
        return found

    def _elements_on_line(self, tag: str, line: int) -> list:
        by_line = self._same_line_cache.get(tag)
        if by_line is None:
            by_line = {}
            for el in self.root.iter(tag):
                by_line.setdefault(el.sourceline, []).append(el)
            self._same_line_cache[tag] = by_line
        return by_line.get(line, [])

    def _attribute_offset(self, tag_start: int, attribute: str) -> int | None:
        tag_end = _end_of_start_tag(self.text, tag_start + 1)
        pattern = re.compile(r"[\s]((?:[\w.-]+:)?" + re.escape(attribute) + r")\s*=")
        match = pattern.search(self.text, tag_start, tag_end)
        return match.start(1) if match else None


def _qualified_name(element) -> str:
    name = local_name(element.tag)
    prefix = element.prefix
    return f"{prefix}:{name}" if prefix else name


def _end_of_start_tag(text: str, offset: int) -> int:
    """Offset of the `>` closing the start tag that begins before `offset` (quotes respected)."""
    quote = None
    length = len(text)
    i = offset
    while i < length:
        ch = text[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return i
        i += 1
    return length - 1


def decode_source(data: bytes, declared: str | None) -> str:
    """Decode file bytes the way the parser did, for snippets and columns."""
    if data.startswith(UTF8_BOM):
        return data[len(UTF8_BOM):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    encoding = declared or "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def parse(path: str, data: bytes) -> Document | SyntaxProblem:
    """Parse bytes into a Document, or say why they are not well-formed XML."""
    try:
        root = etree.fromstring(data, make_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        message = exc.msg or str(exc)
        # lxml appends ", line L, column C" to the message; the position is reported separately.
        message = re.sub(r",\s*line \d+, column \d+\s*$", "", message)
        return SyntaxProblem(max(line, 1), max(column, 1), message)
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        return SyntaxProblem(1, 1, str(exc))
    if root is None:
        return SyntaxProblem(1, 1, "Document is empty")
    return Document(path, data, root)
