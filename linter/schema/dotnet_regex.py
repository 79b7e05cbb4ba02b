"""Rewrite a .NET regular expression into an XML Schema regular expression with the same meaning.

Skyline's `protocol.xsd` is written for .NET's schema validator, which accepts .NET regex syntax
inside `xs:pattern` and matches it against the whole value. XSD regexes (libxml2, xmlschema) have
no anchors, no `\\z`, no `\\b`, no `(?:` and refuse escapes of characters that need none; they
read `^` and `$` as literal characters. This module parses the .NET pattern into a small tree,
decides every zero-width assertion from the characters that can surround it when the pattern must
match the whole value, and prints the tree back as XSD syntax:

- `^`, `\\A` (start) and `$`, `\\z`, `\\Z` (end) are dropped where they can only be at the edge
  of the value (always true); a branch where one can never hold is removed (it matches nothing).
- `\\b` / `\\B` are decided from the kinds of characters (word / non-word / edge) on either side.
  Inside a repetition the first pass and the later passes are decided separately, so
  `(\\bX\\b)+` with X made of digits becomes `(X)`: a later pass would need a word boundary
  between two digits, which never holds.
- `(?:` and named groups become plain groups (XSD groups do not capture), lazy quantifier marks are
  dropped (they do not change what a whole-value match accepts), needless escapes (`\\:`, `\\/`,
  `\\$`) become the character itself, `\\xHH`/`\\uHHHH` become the character.

Anything whose meaning cannot be kept (lookaround, back-references, inline options, an assertion
that holds for some values and not others) raises `UnsupportedPattern`; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W, N, E = "word", "nonword", "edge"  # kinds of the character on one side of a position
ANY_KINDS = frozenset({W, N})

# Escapes XSD accepts as they are.
XSD_SINGLE_ESCAPES = set("nrt\\|.?*+(){}[]-^")
XSD_MULTI_ESCAPES = set("sSiIcCdDwW")
NEEDS_ESCAPE_OUTSIDE_CLASS = set(".\\?*+{}()|[]")
NEEDS_ESCAPE_IN_CLASS = set("\\[]-^")
DOTNET_CONTROL_ESCAPES = {"a": "\x07", "e": "\x1b", "f": "\x0c", "v": "\x0b"}
# .NET's \w and \s are not XSD's (XSD's \w also matches symbols such as '+', its \s only four
# spaces). The members of the .NET classes, in XSD syntax (\f and \v cannot occur in XML text).
DOTNET_WORD = "\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}"
DOTNET_SPACE = "\\n\\r\\t\\p{Z}\u0085"
DOTNET_CLASS_ESCAPES = {"w": f"[{DOTNET_WORD}]", "W": f"[^{DOTNET_WORD}]",
                        "s": f"[{DOTNET_SPACE}]", "S": f"[^{DOTNET_SPACE}]"}

# Characters probed to learn which kinds an atom matches: all of ASCII plus a few others.
_PROBE = [chr(c) for c in range(9, 127)] + list("\u00e9\u0416\u4e2d\u00a0\u2013\u00b0")


class UnsupportedPattern(ValueError):
    """The pattern uses a .NET construct whose meaning XSD cannot express here."""


# -- tree ------------------------------------------------------------------------------------------
@dataclass
class Atom:
    text: str  # XSD spelling
    kinds: frozenset  # kinds of characters it can match (subset of {W, N})


@dataclass
class Assertion:
    kind: str  # "start", "end", "b", "B"
    source: str


@dataclass
class Seq:
    items: list


@dataclass
class Alt:
    branches: list  # of Seq


@dataclass
class Group:
    body: Alt


@dataclass
class Repeat:
    node: object
    low: int
    high: int | None  # None = unbounded
    text: str  # XSD spelling of the quantifier


IMPOSSIBLE = object()  # a node that can match nothing in its context


@dataclass
class Rewritten:
    original: str
    pattern: str
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.original != self.pattern


# -- parsing ---------------------------------------------------------------------------------------
class _Parser:
    def __init__(self, pattern: str):
        self.src = pattern
        self.pos = 0
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def peek(self, length: int = 1) -> str:
        return self.src[self.pos:self.pos + length]

    def parse(self) -> Alt:
        alt = self.alternation()
        if self.pos != len(self.src):
            raise UnsupportedPattern(f"unbalanced ')' at offset {self.pos}")
        return alt

    def alternation(self) -> Alt:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return Alt(branches)

    def sequence(self) -> Seq:
        items = []
        while self.pos < len(self.src) and self.peek() not in "|)":
            atom = self.atom()
            atom = self.quantified(atom)
            items.append(atom)
        return Seq(items)

    def quantified(self, node):
        match = re.compile(r"\*|\+|\?|\{(\d+)(,(\d*))?\}").match(self.src, self.pos)
        if not match:
            return node
        if isinstance(node, Assertion):
            raise UnsupportedPattern(f"quantified assertion {node.source!r}")
        self.pos = match.end()
        text = match.group(0)
        if text == "*":
            low, high = 0, None
        elif text == "+":
            low, high = 1, None
        elif text == "?":
            low, high = 0, 1
        else:
            low = int(match.group(1))
            high = low if match.group(2) is None else (int(match.group(3)) if match.group(3) else None)
        if self.peek() == "?":
            self.pos += 1
            self.note("lazy quantifier mark dropped (a whole-value match accepts the same values)")
        elif self.peek() == "+":
            raise UnsupportedPattern("possessive quantifier")
        return Repeat(node, low, high, text)

    def atom(self):
        ch = self.peek()
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        self.pos += 1
        if ch == "^":
            return Assertion("start", "^")
        if ch == "$":
            return Assertion("end", "$")
        if ch == ".":
            return Atom(".", ANY_KINDS)
        if ch == "{" or ch == "}":
            self.note(f"literal '{ch}' escaped")
            return Atom("\\" + ch, frozenset({N}))
        if ch in "*+?":
            raise UnsupportedPattern(f"quantifier {ch!r} with nothing to repeat")
        return _literal(ch, in_class=False)

    def group(self) -> Group:
        self.pos += 1  # (
        if self.peek() == "?":
            head = self.src[self.pos:self.pos + 3]
            if head.startswith("?:"):
                self.pos += 2
                self.note("'(?:' non-capturing group written as '(' (XSD groups do not capture)")
            elif re.match(r"\?(P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*')", self.src[self.pos:]):
                self.pos = self.src.index(">" if head[1] in "<P" else "'", self.pos + 2) + 1
                self.note("named group written as a plain group")
            else:
                raise UnsupportedPattern(f"group construct '({head}' (lookaround, options, ...)")
        body = self.alternation()
        if self.peek() != ")":
            raise UnsupportedPattern("missing ')'")
        self.pos += 1
        return Group(body)

    def escape(self):
        esc = self.src[self.pos + 1:self.pos + 2]
        if not esc:
            raise UnsupportedPattern("pattern ends with a backslash")
        self.pos += 2
        if esc in "AzZ":
            kind = "start" if esc == "A" else "end"
            return Assertion(kind, "\\" + esc)
        if esc in "bB":
            return Assertion(esc, "\\" + esc)
        if esc == "G":
            raise UnsupportedPattern("\\G")
        if esc in "pP":
            match = re.compile(r"\{[A-Za-z0-9_-]+\}").match(self.src, self.pos)
            if not match:
                raise UnsupportedPattern(f"malformed \\{esc}")
            self.pos = match.end()
            text = "\\" + esc + match.group(0)
            return Atom(text, _kinds_of(text))
        if esc.isdigit() or esc == "k":
            raise UnsupportedPattern("back-reference")
        if esc in DOTNET_CLASS_ESCAPES:
            self.note(f"\\{esc} written as the .NET class it stands for")
            kinds = {"w": frozenset({W}), "W": frozenset({N}), "s": frozenset({N})}.get(esc, ANY_KINDS)
            return Atom(DOTNET_CLASS_ESCAPES[esc], kinds)
        text = self._escaped_char(esc, in_class=False)
        return Atom(text, _kinds_of(text))

    def _escaped_char(self, esc: str, in_class: bool) -> str:
        """XSD spelling of the escape `\\esc` whose two characters were consumed."""
        if esc in XSD_MULTI_ESCAPES or esc in XSD_SINGLE_ESCAPES:
            return "\\" + esc
        if esc == "x":
            digits = self.src[self.pos:self.pos + 2]
            if not re.fullmatch(r"[0-9A-Fa-f]{2}", digits):
                raise UnsupportedPattern("malformed \\x escape")
            self.pos += 2
            self.note(f"\\x{digits} written as the character")
            return _spell(chr(int(digits, 16)), in_class)
        if esc == "u":
            digits = self.src[self.pos:self.pos + 4]
            if not re.fullmatch(r"[0-9A-Fa-f]{4}", digits):
                raise UnsupportedPattern("malformed \\u escape")
            self.pos += 4
            self.note(f"\\u{digits} written as the character")
            return _spell(chr(int(digits, 16)), in_class)
        if esc in DOTNET_CONTROL_ESCAPES:
            self.note(f"\\{esc} written as the character")
            return _spell(DOTNET_CONTROL_ESCAPES[esc], in_class)
        if esc.isalnum() or esc == "_":
            raise UnsupportedPattern(f"unknown escape \\{esc}")
        self.note(f"needless escape '\\{esc}' written as '{esc}'")
        return _spell(esc, in_class)

    def char_class(self) -> Atom:
        start = self.pos
        text = self._class_body()
        return Atom(text, _kinds_of(text, fallback_source=self.src[start:self.pos]))

    def _class_body(self) -> str:
        """Consume `[...]` (with XSD/.NET subtraction `-[...]`) and return its XSD spelling."""
        self.pos += 1  # [
        out = ["["]
        if self.peek() == "^":
            out.append("^")
            self.pos += 1
        first = True
        while True:
            if self.pos >= len(self.src):
                raise UnsupportedPattern("unterminated character class")
            ch = self.peek()
            if ch == "]" and not first:
                self.pos += 1
                out.append("]")
                return "".join(out)
            if ch == "-" and self.src[self.pos + 1:self.pos + 2] == "[":
                self.pos += 1
                out.append("-" + self._class_body())
                continue
            if ch == "\\":
                esc = self.src[self.pos + 1:self.pos + 2]
                self.pos += 2
                if esc == "b":
                    out.append(_spell("\b", True))
                    self.note("\\b in a character class (backspace) written as the character")
                elif esc in "pP":
                    match = re.compile(r"\{[A-Za-z0-9_-]+\}").match(self.src, self.pos)
                    if not match:
                        raise UnsupportedPattern(f"malformed \\{esc}")
                    self.pos = match.end()
                    out.append("\\" + esc + match.group(0))
                elif esc in "ws":
                    self.note(f"\\{esc} written as the .NET class it stands for")
                    out.append(DOTNET_WORD if esc == "w" else DOTNET_SPACE)
                elif esc in "WS":
                    raise UnsupportedPattern(f"\\{esc} inside a character class")
                else:
                    out.append(self._escaped_char(esc, in_class=True))
            elif ch == "[":
                self.pos += 1
                self.note("'[' inside a character class escaped")
                out.append("\\[")
            else:
                self.pos += 1
                out.append(ch)
            first = False


def _spell(ch: str, in_class: bool) -> str:
    special = NEEDS_ESCAPE_IN_CLASS if in_class else NEEDS_ESCAPE_OUTSIDE_CLASS
    if ch in special:
        return "\\" + ch
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    return ch


def _literal(ch: str, in_class: bool) -> Atom:
    return Atom(_spell(ch, in_class), frozenset({W if _is_word(ch) else N}))


def _is_word(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def _kinds_of(xsd_text: str, fallback_source: str | None = None) -> frozenset:
    """Which kinds of characters an atom can match, probed with Python's regex engine.

    Unknown syntax (XSD-only escapes like \\i, subtraction) counts as matching both kinds,
    which can only make the analysis more cautious, never wrong.
    """
    candidates = [xsd_text] if fallback_source is None else [fallback_source, xsd_text]
    for candidate in candidates:
        try:
            compiled = re.compile(candidate)
        except re.error:
            continue
        kinds = {W if _is_word(ch) else N for ch in _PROBE if compiled.fullmatch(ch)}
        return frozenset(kinds) if kinds else ANY_KINDS
    return ANY_KINDS


# -- analysis --------------------------------------------------------------------------------------
def _nullable(node) -> bool:
    if isinstance(node, Atom):
        return False
    if isinstance(node, Assertion):
        return True
    if isinstance(node, Seq):
        return all(_nullable(item) for item in node.items)
    if isinstance(node, Alt):
        return any(_nullable(branch) for branch in node.branches)
    if isinstance(node, Group):
        return _nullable(node.body)
    if isinstance(node, Repeat):
        return node.low == 0 or _nullable(node.node)
    raise TypeError(node)


def _edge_kinds(node, first: bool) -> frozenset:
    """Kinds of the first (or last) character the node can consume."""
    if isinstance(node, Atom):
        return node.kinds
    if isinstance(node, Assertion):
        return frozenset()
    if isinstance(node, Seq):
        kinds: set = set()
        items = node.items if first else list(reversed(node.items))
        for item in items:
            kinds |= _edge_kinds(item, first)
            if not _nullable(item):
                break
        return frozenset(kinds)
    if isinstance(node, Alt):
        return frozenset().union(*(_edge_kinds(b, first) for b in node.branches))
    if isinstance(node, Group):
        return _edge_kinds(node.body, first)
    if isinstance(node, Repeat):
        return frozenset() if node.high == 0 else _edge_kinds(node.node, first)
    raise TypeError(node)


def _assertion_verdict(kind: str, before: frozenset, after: frozenset):
    """True (always holds), False (never holds) or None (depends on the value)."""
    if kind == "start":
        return True if before == {E} else (False if E not in before else None)
    if kind == "end":
        return True if after == {E} else (False if E not in after else None)
    left = frozenset(N if k == E else k for k in before)
    right = frozenset(N if k == E else k for k in after)
    if not left or not right:
        return None
    if len(left) == 1 and len(right) == 1:
        boundary = left != right
        return boundary if kind == "b" else not boundary
    return None


class _Resolver:
    def __init__(self, notes: list[str]):
        self.notes = notes

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def resolve(self, node, before: frozenset, after: frozenset):
        if isinstance(node, Atom):
            return node
        if isinstance(node, Assertion):
            verdict = _assertion_verdict(node.kind, before, after)
            if verdict is None:
                raise UnsupportedPattern(
                    f"'{node.source}' holds for some values and not others at this position")
            if verdict:
                self.note(f"'{node.source}' dropped (always holds where it stands)")
                return Seq([])
            self.note(f"'{node.source}' can never hold where it stands: that branch removed")
            return IMPOSSIBLE
        if isinstance(node, Group):
            body = self.resolve(node.body, before, after)
            return IMPOSSIBLE if body is IMPOSSIBLE else Group(body)
        if isinstance(node, Alt):
            branches = [self.resolve(b, before, after) for b in node.branches]
            kept = [b for b in branches if b is not IMPOSSIBLE]
            return Alt(kept) if kept else IMPOSSIBLE
        if isinstance(node, Seq):
            return self._resolve_seq(node, before, after)
        if isinstance(node, Repeat):
            return self._resolve_repeat(node, before, after)
        raise TypeError(node)

    def _resolve_seq(self, seq: Seq, before: frozenset, after: frozenset):
        items = seq.items
        out = []
        for i, item in enumerate(items):
            left: set = set()
            for prev in reversed(items[:i]):
                left |= _edge_kinds(prev, first=False)
                if not _nullable(prev):
                    break
            else:
                left |= before
            right: set = set()
            for nxt in items[i + 1:]:
                right |= _edge_kinds(nxt, first=True)
                if not _nullable(nxt):
                    break
            else:
                right |= after
            resolved = self.resolve(item, frozenset(left), frozenset(right))
            if resolved is IMPOSSIBLE:
                return IMPOSSIBLE
            out.append(resolved)
        return Seq(out)

    def _resolve_repeat(self, rep: Repeat, before: frozenset, after: frozenset):
        inner_first = _edge_kinds(rep.node, first=True)
        inner_last = _edge_kinds(rep.node, first=False)
        if rep.high is not None and rep.high <= 1:
            inner = self.resolve(rep.node, before, after)
            if inner is IMPOSSIBLE:
                return Seq([]) if rep.low == 0 else IMPOSSIBLE
            return Repeat(inner, rep.low, rep.high, rep.text)
        # Several passes: try one context covering every pass first.
        nullable = _nullable(rep.node)
        later_before = inner_last | (before if nullable else frozenset())
        kept_notes = len(self.notes)
        try:
            inner = self.resolve(rep.node, before | inner_last, after | inner_first)
        except UnsupportedPattern:
            del self.notes[kept_notes:]  # that attempt's notes do not describe the result
            inner = None
        if inner is IMPOSSIBLE:
            return Seq([]) if rep.low == 0 else IMPOSSIBLE
        if inner is not None:
            return Repeat(inner, rep.low, rep.high, rep.text)
        # Decide the first pass and the later passes separately.
        later = self.resolve(rep.node, frozenset(later_before), after | inner_first)
        if later is not IMPOSSIBLE:
            raise UnsupportedPattern("an assertion inside a repetition depends on the pass")
        if rep.low > 1:
            return IMPOSSIBLE
        self.note("a repetition that can never run a second pass (because of an assertion) "
                  "written as a single pass")
        first = self.resolve(rep.node, before, after)
        if first is IMPOSSIBLE:
            return Seq([]) if rep.low == 0 else IMPOSSIBLE
        return first if rep.low == 1 else Repeat(first, 0, 1, "?")


# -- printing --------------------------------------------------------------------------------------
def _print(node) -> str:
    if isinstance(node, Atom):
        return node.text
    if isinstance(node, Seq):
        return "".join(_print(item) for item in node.items)
    if isinstance(node, Alt):
        return "|".join(_print(b) for b in node.branches)
    if isinstance(node, Group):
        return "(" + _print(node.body) + ")"
    if isinstance(node, Repeat):
        inner = _print(node.node)
        if not _is_single_unit(node.node):
            inner = "(" + inner + ")"
        return inner + node.text
    raise TypeError(node)


def _is_single_unit(node) -> bool:
    if isinstance(node, (Atom, Group)):
        return True
    if isinstance(node, Seq) and len(node.items) == 1:
        return _is_single_unit(node.items[0])
    if isinstance(node, Alt) and len(node.branches) == 1:
        return _is_single_unit(node.branches[0])
    return False


def to_xsd(pattern: str) -> Rewritten:
    """The XSD regex that accepts exactly the values the .NET pattern accepts as a whole-value match.

    Raises UnsupportedPattern when that cannot be guaranteed.
    """
    parser = _Parser(pattern)
    tree = parser.parse()
    notes = list(parser.notes)
    resolved = _Resolver(notes).resolve(tree, frozenset({E}), frozenset({E}))
    if resolved is IMPOSSIBLE:
        raise UnsupportedPattern("no value can match this pattern")
    text = _print(resolved)
    if text == pattern:
        return Rewritten(pattern, pattern, [])
    return Rewritten(pattern, text, notes)
