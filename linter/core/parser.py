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
from functools import lru_cache

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
        self._long_line_scans: dict[int, list] = {}  # line -> [names scanned, tags by name or None]
        self._tag_starts: dict = {}  # element -> offset of its start tag (None: not found)
        self._tag_ends: dict[int, int] = {}  # offset of a start tag -> offset of its '>'
        self._spans: dict[int, tuple[int, int]] = {}  # line -> (start, end) offsets
        self._identities = None
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

    def snippet(self, line: int, limit: int) -> str:
        """The line's text for a finding's snippet, or '' when the line is longer than `limit`
        (a minified file: copying megabytes per finding would be quadratic, and a cut line
        would not match the column)."""
        span = self._spans.get(line)
        if span is None:
            span = self._spans[line] = self.lines.span(line) or (0, -1)
        if span[1] - span[0] > limit:
            return ""
        return self.text[span[0]:span[1]].rstrip("\r")

    @property
    def identities(self):
        """Element identities of this file, memoized (see dmlint.core.identity)."""
        if self._identities is None:
            from dmlint.core.identity import Identities

            self._identities = Identities()
        return self._identities

    # -- positions -----------------------------------------------------------
    def locate(self, element, attribute: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of the element's start tag, or of one of its attributes.

        A few lookups per call: the candidates of a line are found once per (tag, line), by
        scanning that line only (see `_start_tags_ending_on`), and an element's offset is
        kept for its next finding."""
        start = self._tag_starts.get(element, -1)
        if start == -1:
            start = self.start_tag_offset(element)
        line = element.sourceline or 1
        if start is None:  # a comment or PI, or a tag not found
            return line, 1
        if attribute:
            attr_offset = self._attribute_offset(start, attribute)
            if attr_offset is not None:
                start = attr_offset
        span = self._spans.get(line)
        if span is None:
            span = self._spans[line] = self.lines.span(line) or (0, -1)
        if span[0] <= start <= span[1]:  # the usual case: on the line libxml2 gave
            return line, start - span[0] + 1
        found_line = self._line_of_offset(start)
        return found_line, start - self.lines.start(found_line) + 1

    def start_tag_offset(self, element) -> int | None:
        """Offset in `text` of the `<` that opens the element's start tag (None: not found),
        kept for the element's next finding."""
        start = self._tag_starts.get(element, -1)
        if start != -1:
            return start
        tag = element.tag
        if not isinstance(tag, str):
            start = None
        else:
            # Elements with the same tag whose start tag ends on the same line are told apart
            # by their order; libxml2 gives the line where the start tag ends.
            line = element.sourceline or 1
            prefix = element.prefix
            qname = prefix + ":" + tag.rpartition("}")[2] if prefix else tag.rpartition("}")[2]
            candidates = self._candidates_cache.get((qname, line))
            if candidates is None:
                candidates = self._start_tags_ending_on(qname, line)
            if not candidates:
                start = None
            elif len(candidates) == 1:  # the usual case: no need to count same-tag elements
                start = candidates[0]
            else:
                ordinal = self._ordinal_on_line(element)
                start = candidates[min(ordinal, len(candidates) - 1)]
        self._tag_starts[element] = start
        return start

    def _start_tags_ending_on(self, qname: str, line: int) -> list[int]:
        """Offsets of `<qname` start tags whose closing `>` is on `line`, cached per (qname, line).

        Only the line itself is scanned, plus the one start tag that may begin on an earlier
        line and end on this one: no `<` can occur inside a start tag, so that tag begins at
        the last `<` before the line. A long line (a minified file) asked about for many tag
        names is tokenized once for all of them. So the text a file's findings cause to be
        scanned is bounded by a small multiple of the file size, whatever their number.
        """
        key = (qname, line)
        cached = self._candidates_cache.get(key)
        if cached is not None:
            return cached
        candidates: list[int] = []
        span = self._spans.get(line)
        if span is None:
            span = self._spans[line] = self.lines.span(line) or (0, -1)  # (0, -1): no such line
        if span[1] >= 0:
            text = self.text
            begin, end = span
            tag_ends = self._tag_ends
            previous = text.rfind("<", 0, begin)
            if previous >= 0 and _names_tag(text, previous, qname):
                tag_end = _end_of_start_tag(text, previous + 1)
                if begin <= tag_end <= end:
                    candidates.append(previous)
                    tag_ends[previous] = tag_end
            for offset in self._tag_starts_on_line(qname, line, begin, end):
                tag_end = _end_of_start_tag(text, offset + 1)
                if tag_end <= end:  # else it ends on a later line
                    candidates.append(offset)
                    tag_ends[offset] = tag_end
        self._candidates_cache[key] = candidates
        return candidates

    def _tag_starts_on_line(self, qname: str, line: int, begin: int, end: int) -> list[int]:
        if end - begin <= LONG_LINE:
            pattern = _tag_pattern(qname)
            return [match.start() for match in pattern.finditer(self.text, begin, end)]
        scans = self._long_line_scans.setdefault(line, [0, None])
        if scans[1] is None:
            scans[0] += 1
            if scans[0] <= LONG_LINE_NAMES:
                pattern = _tag_pattern(qname)
                return [match.start() for match in pattern.finditer(self.text, begin, end)]
            by_name: dict[str, list[int]] = {}
            for match in _ANY_START_TAG.finditer(self.text, begin, end):
                by_name.setdefault(match.group(1), []).append(match.start())
            scans[1] = by_name
        return scans[1].get(qname, [])

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
        tag_end = self._tag_ends.get(tag_start)
        if tag_end is None:
            tag_end = _end_of_start_tag(self.text, tag_start + 1)
        pattern = _ATTRIBUTE_PATTERNS.get(attribute) or _attribute_pattern(attribute)
        match = pattern.search(self.text, tag_start, tag_end)
        return match.start(1) if match else None


# A line longer than this, asked about for more than LONG_LINE_NAMES tag names, is tokenized once.
LONG_LINE = 1 << 16
LONG_LINE_NAMES = 4
_ANY_START_TAG = re.compile(r"<([^\s/>!?<\"'=]+)(?=[\s/>])")
# From just after `<name`: the rest of a start tag up to its `>`, quoted values skipped
# (written so that a failed match cannot backtrack more than linearly).
_START_TAG_REST = re.compile(r"[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>")


@lru_cache(maxsize=512)
def _tag_pattern(qname: str):
    return re.compile(r"<" + re.escape(qname) + r"(?=[\s/>])")


_ATTRIBUTE_PATTERNS: dict[str, re.Pattern] = {}  # attribute name -> _attribute_pattern's


def _attribute_pattern(attribute: str):
    if len(_ATTRIBUTE_PATTERNS) > 512:
        _ATTRIBUTE_PATTERNS.clear()
    pattern = _ATTRIBUTE_PATTERNS[attribute] = re.compile(r"[\s]((?:[\w.-]+:)?" + re.escape(attribute) + r")\s*=")
    return pattern


def _names_tag(text: str, offset: int, qname: str) -> bool:
    """Whether the `<` at offset opens a `<qname` start tag."""
    after = offset + 1 + len(qname)
    return text.startswith(qname, offset + 1) and after < len(text) and text[after] in " \t\r\n/>"


class LineIndex:
    """Line numbers of a text without a table of every line start up front.

    Keeps, per CHUNK characters, how many newlines come before the chunk (one C-level
    count per chunk: a 20 MB file takes a few ms). The newline offsets inside a chunk
    are listed the first time a position in that chunk is asked about, so every lookup
    afterwards is a bisection: the cost is bounded by the file size, whatever the number
    of lookups.
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
        self._newlines: dict[int, list[int]] = {}  # chunk -> offsets of its newlines
        self.count = total + 1  # lines; the last one may be empty

    def _chunk_newlines(self, chunk: int) -> list[int]:
        found = self._newlines.get(chunk)
        if found is None:
            begin = chunk * self.CHUNK
            found = [match.start() for match in _NEWLINE.finditer(self.text, begin, begin + self.CHUNK)]
            self._newlines[chunk] = found
        return found

    def line_of(self, offset: int) -> int:
        """1-based line holding `offset` (a newline belongs to the line it ends)."""
        offset = max(0, min(offset, len(self.text)))
        chunk = offset // self.CHUNK
        if chunk >= len(self._before) - 1:  # the end of the text
            return self._before[-1] + 1
        return self._before[chunk] + bisect_left(self._chunk_newlines(chunk), offset) + 1

    def start(self, line: int) -> int:
        """Offset of the first character of a 1-based line (clamped to the text)."""
        if line <= 1:
            return 0
        if line > self.count:
            return len(self.text)
        wanted = line - 1  # newlines before the line
        chunk = bisect_left(self._before, wanted) - 1  # before[chunk] < wanted <= before[chunk + 1]
        return self._chunk_newlines(chunk)[wanted - self._before[chunk] - 1] + 1

    def span(self, line: int) -> tuple[int, int] | None:
        """(start, end) offsets of a 1-based line, end at its newline (or the text end)."""
        if line < 1 or line > self.count:
            return None
        begin = self.start(line)
        end = self.start(line + 1) - 1 if line < self.count else len(self.text)
        return begin, end



def _end_of_start_tag(text: str, offset: int) -> int:
    """Offset of the `>` closing the start tag that begins before `offset` (quotes respected)."""
    match = _START_TAG_REST.match(text, offset)
    return match.end() - 1 if match else len(text) - 1


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
