"""Parse protocol files safely and map elements back to line:column positions.

lxml reports the line of each element (the line on which its start tag *ends*);
columns are not kept by libxml2, so they are derived from the source text, and
only for the elements that actually get a finding (cheap on big files).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from dataclasses import dataclass

from lxml import etree

UTF8_BOM = codecs.BOM_UTF8
_NEWLINE = re.compile("\n")


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
        self._lines: LineIndex | None = None
        self._line_starts: list[int] | None = None
        self._ordinal_cache: dict[str, dict] = {}
        self._candidates_cache: dict[tuple[str, int], list[int]] = {}
        # The comments inside the root in document order, when the model's pass over the tree
        # collected them (saves the suppressions a second walk); None: not collected.
        self.comments: list | None = None

    # -- source text ---------------------------------------------------------
    @property
    def text(self) -> str:
        if self._text is None:
            self._text = decode_source(self.data, self.root.getroottree().docinfo.encoding)
        return self._text

    @property
    def lines(self) -> "LineIndex":
        """Line <-> offset lookups over `text` (built on first use, cheaply)."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    @property
    def line_starts(self) -> list[int]:
        """Every line's start offset (kept for callers written before `lines`; builds the full
        table, ~0.2 s on 20 MB: use `lines` instead)."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._line_starts

    def line_text(self, line: int) -> str:
        span = self.lines.span(line)
        if span is None:
            return ""
        begin, end = span
        return self.text[begin:end].rstrip("\r")

    def _line_of_offset(self, offset: int) -> int:
        return self.lines.line_of(offset)

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
        return found_line, start - self.lines.start(found_line) + 1

    def start_tag_offset(self, element) -> int | None:
        """Offset in `text` of the `<` that opens the element's start tag (None: not found)."""
        if not isinstance(element.tag, str):
            return None
        return self._start_tag_offset(element, element.sourceline or 1, _qualified_name(element))

    def _start_tag_offset(self, element, line: int, qname: str) -> int | None:
        # Elements with the same tag whose start tag ends on the same line are told
        # apart by their order; libxml2 gives the line where the start tag ends.
        candidates = self._start_tags_ending_on(qname, line)
        if not candidates:
            return None
        if len(candidates) == 1:  # the usual case: no need to count same-tag elements
            return candidates[0]
        ordinal = self._ordinal_on_line(element)
        return candidates[min(ordinal, len(candidates) - 1)]

    def _start_tags_ending_on(self, qname: str, line: int) -> list[int]:
        """Offsets of `<qname` start tags whose closing `>` is on `line` (cached: a file written
        on one line would otherwise be rescanned for every finding)."""
        key = (qname, line)
        cached = self._candidates_cache.get(key)
        if cached is not None:
            return cached
        lines = self.lines
        candidates: list[int] = []
        span = lines.span(line)
        if span is not None:
            line_end = span[1] + 1 if line < lines.count else len(self.text)
            # Look back far enough for a start tag spread over several lines.
            region_start = lines.start(max(1, line - 199))
            pattern = re.compile(r"<" + re.escape(qname) + r"(?=[\s/>])")
            for match in pattern.finditer(self.text, region_start, line_end):
                tag_end = _end_of_start_tag(self.text, match.end())
                if self._line_of_offset(tag_end) == line:
                    candidates.append(match.start())
        self._candidates_cache[key] = candidates
        return candidates

    def _ordinal_on_line(self, element) -> int:
        """How many elements with the same tag end their start tag earlier on the same line."""
        ordinals = self._ordinal_cache.get(element.tag)
        if ordinals is None:
            ordinals = {}
            seen_per_line: dict[int, int] = {}
            for el in self.root.iter(element.tag):
                count = seen_per_line.get(el.sourceline, 0)
                ordinals[el] = count  # the dict keeps the proxies alive, so identity is stable
                seen_per_line[el.sourceline] = count + 1
            self._ordinal_cache[element.tag] = ordinals
        return ordinals.get(element, 0)

    def _attribute_offset(self, tag_start: int, attribute: str) -> int | None:
        tag_end = _end_of_start_tag(self.text, tag_start + 1)
        pattern = re.compile(r"[\s]((?:[\w.-]+:)?" + re.escape(attribute) + r")\s*=")
        match = pattern.search(self.text, tag_start, tag_end)
        return match.start(1) if match else None


class LineIndex:
    """Line numbers of a text without a table of every line start.

    Keeps, per CHUNK characters, how many newlines come before the chunk: a line's
    number is that count plus a `str.count` inside one chunk, and a line's start comes from
    the newline offsets of the chunk holding it, listed on the chunk's first lookup (one
    C-level scan of 64 K characters; a file with hundreds of findings used to spend most of
    its time finding line starts one newline at a time). Building the index is one C-level
    count per chunk (a 20 MB file: a few ms instead of a list of 700,000 offsets).
    """

    CHUNK = 1 << 16

    def __init__(self, text: str):
        self.text = text
        chunk = self.CHUNK
        before = [0]  # before[i]: newlines in text[:i * CHUNK]
        total = 0
        for begin in range(0, len(text), chunk):
            total += text.count("\n", begin, begin + chunk)
            before.append(total)
        self._before = before
        self.count = total + 1  # lines; the last one may be empty
        # chunk -> the offsets just past each newline in it, for the chunks asked about
        self._chunk_starts: dict[int, list[int]] = {}

    def line_of(self, offset: int) -> int:
        """1-based line holding `offset` (a newline belongs to the line it ends)."""
        offset = max(0, min(offset, len(self.text)))
        chunk = offset // self.CHUNK
        return self._before[chunk] + self.text.count("\n", chunk * self.CHUNK, offset) + 1

    def start(self, line: int) -> int:
        """Offset of the first character of a 1-based line (clamped to the text)."""
        if line <= 1:
            return 0
        if line > self.count:
            return len(self.text)
        wanted = line - 1  # newlines before the line
        chunk = bisect_left(self._before, wanted) - 1  # before[chunk] < wanted <= before[chunk + 1]
        starts = self._chunk_starts.get(chunk)
        if starts is None:  # the line starts inside this chunk, found once (one C-level scan)
            begin = chunk * self.CHUNK
            starts = self._chunk_starts[chunk] = [match.end() for match in
                                                  _NEWLINE.finditer(self.text, begin, begin + self.CHUNK)]
        return starts[wanted - self._before[chunk] - 1]

    def span(self, line: int) -> tuple[int, int] | None:
        """(start, end) offsets of a 1-based line, end at its newline (or the text end)."""
        if line < 1 or line > self.count:
            return None
        begin = self.start(line)
        end = self.text.find("\n", begin)
        return begin, (len(self.text) if end < 0 else end)


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
