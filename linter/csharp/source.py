"""One QAction's C#: its text as written, the preprocessor's view of it, the syntax tree.

- **Text and positions.** The code is the QAction's first CDATA section, read from the
  protocol's source text (so line ends and offsets are the file's own): a finding on a C#
  construct lands on the file's line and column of that construct.
- **Preprocessor.** `#if`/`#elif`/`#else`/`#endif` are evaluated the way the compiler of
  the QAction does: the symbols DataMiner defines for every QAction (`DCFv1`,
  `ALARM_SQUASHING`, `DBInfo`) plus the QAction's own `#define`/`#undef`. Inactive code and
  the directive lines are blanked (spaces, newlines kept) before parsing, so no check ever
  sees code the compiler skips, and offsets stay those of the original text. The
  directives themselves are kept (`Directive`).
- **Syntax tree.** tree-sitter's C# grammar parses the blanked code once; its ERROR and
  MISSING nodes are the QAction's syntax errors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

# The conditional compilation symbols DataMiner defines when it compiles a QAction
# (the official validator compiles with the same set).
DEFAULT_DEFINES = frozenset({"DCFv1", "ALARM_SQUASHING", "DBInfo"})

_PARSER = None


def parser():
    """The one tree-sitter parser for C# (built on first use)."""
    global _PARSER
    if _PARSER is None:
        import tree_sitter
        import tree_sitter_c_sharp

        _PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_c_sharp.language()))
    return _PARSER


# -- the code between the tags ------------------------------------------------------

def extract(text: str, start: int) -> tuple[str, list[tuple[int, int]]]:
    """The code of the QAction whose start tag begins at `start` in `text`: its first CDATA
    section (as DataMiner and the official validator read it; a QAction without one has no
    code), and its segments [(code offset, text offset)]."""
    from dmlint.core.parser import _end_of_start_tag

    end_tag = _end_of_start_tag(text, start + 1)
    if end_tag <= start or text[end_tag - 1] == "/":
        return "", []
    position = end_tag + 1
    limit = len(text)
    while position < limit:
        if text.startswith("<![CDATA[", position):
            begin = position + 9
            close = text.find("]]>", begin)
            close = limit if close < 0 else close
            return text[begin:close], [(0, begin)]
        if text.startswith("<!--", position):
            close = text.find("-->", position + 4)
            position = limit if close < 0 else close + 3
            continue
        if text[position] == "<":
            break  # the end tag: no CDATA
        stop = text.find("<", position)
        position = limit if stop < 0 else stop
    return "", []


def start_tags(text: str, block_start: int, tag: str) -> list[int]:
    """Offsets of the `tag` start tags (e.g. '<QAction') that are children of the element whose
    start tag begins at `block_start`, in document order (CDATA and comments skipped)."""
    from dmlint.core.parser import _end_of_start_tag

    found: list[int] = []
    position = _end_of_start_tag(text, block_start + 1) + 1
    limit = len(text)
    depth = 0
    while position < limit:
        position = text.find("<", position)
        if position < 0:
            break
        if text.startswith("<![CDATA[", position):
            close = text.find("]]>", position + 9)
            position = limit if close < 0 else close + 3
        elif text.startswith("<!--", position):
            close = text.find("-->", position + 4)
            position = limit if close < 0 else close + 3
        elif text.startswith("</", position):
            if depth == 0:
                break  # the end of the block
            depth -= 1
            position += 2
        elif text.startswith("<?", position):
            close = text.find("?>", position + 2)
            position = limit if close < 0 else close + 2
        else:
            end = _end_of_start_tag(text, position + 1)
            if depth == 0 and text.startswith(tag, position) and \
                    (position + len(tag) < limit and text[position + len(tag)] in " \t\r\n/>"):
                found.append(position)
            if text[end - 1] != "/":
                depth += 1
            position = end + 1
    return found


# -- the preprocessor ---------------------------------------------------------------


@dataclass(frozen=True)
class Directive:
    """One preprocessor directive line as written."""

    kind: str  # if, elif, else, endif, define, undef, region, endregion, pragma, ...
    argument: str  # what follows the keyword (comment removed), stripped
    offset: int  # code offset of the '#'
    active: bool  # in code the compiler reads (a #if in skipped code is still seen, but not taken)
    comment: str | None = None  # a `//` comment ending the line, without its slashes
    comment_offset: int | None = None


# Code tokens the preprocessor must step over: a '#' inside them starts no directive.
_TOKENS = re.compile(
    r"""(?P<directive>^[ \t]*\#[^\r\n]*)
      | /\*.*?(?:\*/|\Z)
      | //[^\r\n]*
      | (?:\$@|@\$|@)"(?:[^"]|"")*(?:"|\Z)
      | \$?"(?:[^"\\\r\n]|\\.)*(?:"|$)
      | '(?:[^'\\\r\n]|\\.)*(?:'|$)
    """, re.MULTILINE | re.DOTALL | re.VERBOSE)
_DIRECTIVE_LINE = re.compile(r"^[ \t]*\#[^\r\n]*", re.MULTILINE)
_DIRECTIVE = re.compile(r"^[ \t]*\#[ \t]*([A-Za-z]+)(.*)$", re.DOTALL)
_CONDITION_TOKEN = re.compile(r"\s*(\|\||&&|==|!=|!|\(|\)|[A-Za-z_][A-Za-z0-9_]*)")


def _strip_comment(argument: str) -> str:
    cut = argument.find("//")
    return (argument[:cut] if cut >= 0 else argument).strip()


def evaluate_condition(text: str, defines: set[str]) -> bool | None:
    """A #if/#elif condition: symbols, true/false, !, ==, !=, &&, || and parentheses.
    None when it cannot be read (the compiler reports an error; the branch is not taken)."""
    tokens: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _CONDITION_TOKEN.match(text, position)
        if match is None:
            if text[position:].strip():
                return None
            break
        tokens.append(match.group(1))
        position = match.end()
    index = 0

    def peek():
        return tokens[index] if index < len(tokens) else None

    def take():
        nonlocal index
        index += 1
        return tokens[index - 1]

    def primary():
        token = peek()
        if token is None:
            raise ValueError
        take()
        if token == "(":
            value = disjunction()
            if take() != ")":
                raise ValueError
            return value
        if token == "!":
            return not primary()
        if token in ("true", "false"):
            return token == "true"
        if token in ("||", "&&", "==", "!=", ")"):
            raise ValueError
        return token in defines

    def equality():
        value = primary()
        while peek() in ("==", "!="):
            operator = take()
            other = primary()
            value = (value == other) if operator == "==" else (value != other)
        return value

    def conjunction():
        value = equality()
        while peek() == "&&":
            take()
            other = equality()
            value = value and other
        return value

    def disjunction():
        value = conjunction()
        while peek() == "||":
            take()
            other = conjunction()
            value = value or other
        return value

    try:
        result = disjunction()
    except (ValueError, IndexError):
        return None
    return result if index == len(tokens) else None


@dataclass
class _Frame:
    parent_active: bool
    taken: bool  # a branch of this #if was taken already
    active: bool


def preprocess(code: str, defines=DEFAULT_DEFINES) -> tuple[str, list[Directive], frozenset[str]]:
    """(code with skipped regions and directive lines blanked, the directives, the symbols
    defined at the end)."""
    symbols = set(defines)
    directives: list[Directive] = []
    blank: list[tuple[int, int]] = []  # spans to replace by spaces (newlines kept)
    stack: list[_Frame] = []
    active = True
    skipped_from: int | None = None
    position = 0
    length = len(code)
    while position < length:
        pattern = _TOKENS if active else _DIRECTIVE_LINE
        match = pattern.search(code, position)
        if match is None:
            break
        position = max(match.end(), position + 1)
        if active and match.lastgroup != "directive":
            continue
        line = match.group(0)
        parsed = _DIRECTIVE.match(line)
        start = match.start() + (len(line) - len(line.lstrip(" \t")))
        kind = parsed.group(1) if parsed else ""
        argument = _strip_comment(parsed.group(2)) if parsed else ""
        if not active and kind not in ("if", "elif", "else", "endif"):
            continue  # in skipped code only the conditional directives count
        comment = comment_offset = None
        if parsed and kind not in ("region", "endregion", "error", "warning", "pragma"):
            cut = parsed.group(2).find("//")
            if cut >= 0:
                comment = parsed.group(2)[cut:].lstrip("/")
                comment_offset = match.start() + parsed.start(2) + cut
        directives.append(Directive(kind, argument, start, active, comment, comment_offset))
        was_active = active
        if kind == "if":
            taken = bool(evaluate_condition(argument, symbols)) if active else False
            stack.append(_Frame(active, taken, active and taken))
            active = active and taken
        elif kind == "elif" and stack:
            frame = stack[-1]
            taken = (frame.parent_active and not frame.taken
                     and bool(evaluate_condition(argument, symbols)))
            frame.active = taken
            frame.taken = frame.taken or taken
            active = taken
        elif kind == "else" and stack:
            frame = stack[-1]
            frame.active = frame.parent_active and not frame.taken
            frame.taken = True
            active = frame.active
        elif kind == "endif" and stack:
            active = stack.pop().parent_active
        elif kind == "define" and active and argument:
            symbols.add(argument.split()[0])
        elif kind == "undef" and active and argument:
            symbols.discard(argument.split()[0])
        blank.append((match.start(), match.end()))
        if was_active and not active:
            skipped_from = match.end()
        elif not was_active and active and skipped_from is not None:
            blank.append((skipped_from, match.start()))
            skipped_from = None
    if not active and skipped_from is not None:
        blank.append((skipped_from, length))
    if not blank:
        return code, directives, frozenset(symbols)
    chars = list(code)
    for begin, end in blank:
        for index in range(begin, min(end, length)):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars), directives, frozenset(symbols)


# -- positions ----------------------------------------------------------------------


class Positions:
    """Code offsets (characters) and tree-sitter byte offsets to file lines and columns."""

    def __init__(self, document, code: str, encoded: bytes, segments: list[tuple[int, int]]):
        self.document = document
        self._code_starts = [code_offset for code_offset, _ in segments]
        self._segments = segments
        self._ascii = len(encoded) == len(code)
        self._encoded = encoded

    @cached_property
    def _byte_starts(self) -> list[int]:
        """Byte offset of every character (only for code that is not plain ASCII)."""
        starts = []
        total = 0
        for char in self._encoded.decode("utf-8"):
            starts.append(total)
            total += len(char.encode("utf-8"))
        starts.append(total)
        return starts

    def char_of(self, byte_offset: int) -> int:
        if self._ascii:
            return byte_offset
        return bisect_right(self._byte_starts, byte_offset) - 1

    def text_offset(self, code_offset: int) -> int:
        """Offset in the document text of a code character."""
        index = bisect_right(self._code_starts, code_offset) - 1
        if index < 0:
            return self._segments[0][1] if self._segments else 0
        segment_code, segment_text = self._segments[index]
        return segment_text + (code_offset - segment_code)

    def of_code(self, code_offset: int) -> tuple[int, int]:
        """(line, column), 1-based, of a code character in the protocol file."""
        offset = self.text_offset(code_offset)
        lines = self.document.lines
        line = lines.line_of(offset)
        return line, offset - lines.start(line) + 1

    def of_node(self, node) -> tuple[int, int]:
        return self.of_code(self.char_of(node.start_byte))


@dataclass
class ParseError:
    offset: int  # code offset
    message: str


@dataclass
class Source:
    """The C# of one QAction: code as written, preprocessed, parsed."""

    code: str
    segments: list[tuple[int, int]]
    document: object
    defines: frozenset = DEFAULT_DEFINES
    directives: list[Directive] = field(default_factory=list)

    def __post_init__(self):
        self.active_code, self.directives, self.symbols = preprocess(self.code, self.defines)
        self.encoded = self.active_code.encode("utf-8", errors="surrogatepass")
        self.tree = parser().parse(self.encoded)
        self.root = self.tree.root_node
        self.positions = Positions(self.document, self.active_code, self.encoded, self.segments)

    def text(self, node) -> str:
        return self.encoded[node.start_byte:node.end_byte].decode("utf-8", errors="replace")

    def position(self, node) -> tuple[int, int]:
        return self.positions.of_node(node)

    @cached_property
    def syntax_errors(self) -> list[ParseError]:
        """tree-sitter's ERROR and MISSING nodes, in code order."""
        found: list[ParseError] = []
        if not self.root.has_error:
            return found
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.is_missing:
                found.append(ParseError(self.positions.char_of(node.start_byte), f"'{node.type}' expected"))
                continue
            if node.is_error:
                snippet = self.text(node).strip().splitlines()
                shown = snippet[0][:40] if snippet else ""
                found.append(ParseError(self.positions.char_of(node.start_byte),
                                          f"cannot read '{shown}'" if shown else "unexpected end of code"))
                continue
            stack.extend(child for child in reversed(node.children) if child.has_error or child.is_missing)
        found.sort(key=lambda error: error.offset)
        return found
