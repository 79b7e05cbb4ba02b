"""Conditions: the small expression language of `Condition` in Actions, Groups, Pairs, QActions,
Timers and Triggers, parsed once into something rules can ask.

    (id:10 + 10) > 20 AND id:12 != emptystring

A condition is a tree of *groups*. A group is the text between a pair of parentheses (the
whole condition is the top group); it holds *members* joined by ` AND ` / ` OR ` (with the
spaces, any case). A member is a space-separated run of operands and operators:

- operands: `id:N` (the value of parameter N), a double-quoted string, a number (invariant
  culture: `12`, `-1.5`, `1e3`), `empty`, `emptystring`, or a parenthesised group;
- operators: `+ - * / & | ^` (arithmetic and bitwise, left to right) and at most one of
  `== != > < >= <=` per member.

Parentheses inside quotes do not count. `parse(text)` returns a `ParsedCondition`:

- `ids`: every `id:N` it references, with its position in the text;
- `syntax_error`: the first thing that cannot be read (unbalanced parentheses, a missing
  operand or operator, an operand that is no number, string or id), with its position;
- `simplifiable`: the position of the first member that references nothing (no `id:`, no
  group), so it is constant and can be written out;
- `evaluate(lookup)`: type-checks the expression against the protocol's parameters (a
  table is no value, `Interprete/Type` double or high nibble is a number, anything else a
  string; DataMiner's general parameters are unknown): an id that names no parameter, an
  operator applied to operands of the wrong types (`"a" + 1`, `"x" > 10`), AND/OR between
  operands that are not boolean, a condition that is not boolean as a whole.

This follows what DataMiner's condition reader accepts (and what the official validator's
condition checks decide), without evaluating anything at run time. Parsing is linear in the
length of the text; nesting deeper than `MAX_DEPTH` is reported instead of followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dmlint.core.ids import read_int

MAX_DEPTH = 200
RELATIONAL = ("==", "!=", ">", "<", ">=", "<=")
ARITHMETIC = ("+", "-", "*", "/", "&", "|", "^")
OPERATORS = frozenset(RELATIONAL + ARITHMETIC)
_CONNECTORS = re.compile(r" (AND|OR) ", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
# DataMiner's general parameters (every element has them; a protocol does not define them).
GENERAL_PARAMS = frozenset(
    [65000, 65002, 65003, 65004, 65005, 65006, 65007, 65008, 65009, 65017, 65019, 65020, 65021, 65022, 65026, 65027]
    + list(range(65029, 65063)) + [65064, 65065] + list(range(65067, 65097)) + list(range(65098, 65104))
    + list(range(65105, 65115)) + list(range(65118, 65128)) + [65130])

# Value kinds of the evaluation.
NUMBER, STRING, NULL, BOOL, TABLE, UNKNOWN = "number", "string", "empty", "boolean", "table", "unknown"


@dataclass(frozen=True)
class ConditionId:
    """One `id:N` of a condition: `raw` as written after `id:`, its span in the text."""

    raw: str
    start: int
    end: int

    @property
    def pid(self) -> str | None:
        """The parameter id it names (canonical digits), None when it is no unsigned number."""
        number = read_int(self.raw)
        if number.digits is None or number.negative or number.status != "ok":
            return None
        return number.digits


@dataclass(frozen=True)
class ConditionError:
    kind: str  # invalid | missing
    message: str
    start: int
    end: int
    pid: str | None = None  # for missing: the id as written


@dataclass
class _Operand:
    kind: str  # id | string | number | empty | emptystring | group
    text: str
    start: int
    end: int
    value: object = None  # number, string, parameter id text, or a _Group


@dataclass
class _Member:
    start: int
    end: int
    operands: list = field(default_factory=list)
    operators: list = field(default_factory=list)  # operators[i] sits between operands[i] and operands[i + 1]

    @property
    def constant(self) -> bool:
        return not any(operand.kind in ("id", "group") for operand in self.operands)


@dataclass
class _Group:
    start: int  # the '(' (0 for the top group)
    end: int  # just after the ')'
    depth: int
    height: int = 0  # 0: no group inside
    children: list = field(default_factory=list)
    members: list = field(default_factory=list)
    connectors: list = field(default_factory=list)  # 'and' | 'or' between members


class _SyntaxError(Exception):
    def __init__(self, message: str, start: int, end: int):
        super().__init__(message)
        self.message, self.start, self.end = message, start, end


@dataclass(frozen=True)
class Value:
    kind: str
    number: float | None = None
    string: str | None = None


class ParsedCondition:
    """A condition, read once. See the module documentation."""

    def __init__(self, text: str):
        self.text = text
        self.ids: tuple[ConditionId, ...] = ()
        self.syntax_error: ConditionError | None = None
        self.simplifiable: tuple[int, int] | None = None
        self._top: _Group | None = None
        self._read()

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    # -- reading -----------------------------------------------------------------
    def _read(self) -> None:
        text = self.text
        if not text.strip():
            return
        try:
            groups = self._groups(text)
        except _SyntaxError as error:
            self.syntax_error = ConditionError("invalid", error.message, error.start, error.end)
            self.ids = tuple(_scan_ids(text))
            return
        ids: list[ConditionId] = []
        # Groups are read innermost first (by height, then left to right), the top group last.
        order = sorted(groups[1:], key=lambda g: (g.height, g.start)) + [groups[0]]
        try:
            for group in order:
                self._members(text, group, ids)
        except _SyntaxError as error:
            self.syntax_error = ConditionError("invalid", error.message, error.start, error.end)
            self.ids = tuple(_scan_ids(text))
            return
        self.ids = tuple(sorted(ids, key=lambda i: i.start))
        self._top = groups[0]

    def _groups(self, text: str) -> list[_Group]:
        """The top group and every parenthesised group, each with its direct children."""
        top = _Group(0, len(text), 0)
        groups = [top]
        stack = [top]
        quote = False
        escaped = False
        for position, char in enumerate(text):
            if char in "\"'" and not escaped:
                quote = not quote
            elif quote:
                pass
            elif char == "(":
                if len(stack) > MAX_DEPTH:
                    raise _SyntaxError(f"parentheses nested deeper than {MAX_DEPTH} levels", position, position + 1)
                group = _Group(position, position + 1, len(stack))
                stack[-1].children.append(group)
                stack.append(group)
                groups.append(group)
            elif char == ")":
                if len(stack) == 1:
                    raise _SyntaxError("a ')' closes no '('", position, position + 1)
                group = stack.pop()
                group.end = position + 1
            escaped = char == "\\" and not escaped
        if len(stack) > 1:
            unclosed = stack[-1]
            raise _SyntaxError("a '(' is never closed", unclosed.start, unclosed.start + 1)
        for group in reversed(groups):  # children come after their parent
            group.height = 1 + max((c.height for c in group.children), default=-1)
        return groups

    def _members(self, text: str, group: _Group, ids: list[ConditionId]) -> None:
        """Split a group into members and tokens; a child group is one operand."""
        # The group's own text, with each child group as a one-character placeholder.
        begin, finish = (group.start + 1, group.end - 1) if group.depth else (0, len(text))
        pieces, spans = [], []  # characters and their positions in text (placeholders keep the child)
        position = begin
        children = iter(group.children)
        child = next(children, None)
        while position < finish:
            if child is not None and position == child.start:
                pieces.append("\0")
                spans.append(child)
                position = child.end
                child = next(children, None)
            else:
                pieces.append(text[position])
                spans.append(position)
                position += 1
        own = "".join(pieces)
        # Trim spaces at both ends (as DataMiner does).
        left, right = 0, len(own)
        while left < right and own[left] == " ":
            left += 1
        while right > left and own[right - 1] == " ":
            right -= 1
        # String literals: from a '"' to the next one.
        literals: dict[int, tuple[int, str]] = {}  # start index in own -> (end index, content)
        index = own.find('"', left, right)
        while index != -1:
            closing = own.find('"', index + 1, right)
            if closing == -1:
                break
            literals[index] = (closing + 1, own[index + 1:closing])
            index = own.find('"', closing + 1, right)
        if right <= left:
            where = _position(spans, left, group.start)
            raise _SyntaxError("an empty pair of parentheses: an operand is missing", where, where + 1)
        # Members: split on ' AND ' / ' OR ' outside string literals.
        cuts = []
        for match in _CONNECTORS.finditer(own, left, right):
            if not any(start < match.start() < end for start, (end, _) in literals.items()):
                cuts.append(match)
        bounds = []
        last = left
        for match in cuts:
            if match.start() < last:
                continue
            bounds.append((last, match.start()))
            group.connectors.append(match.group(1).lower())
            last = match.end()
        bounds.append((last, right))
        for start, end in bounds:
            group.members.append(self._member(own, spans, literals, start, end, group, ids))

    def _member(self, own, spans, literals, start, end, group, ids) -> _Member:
        member = _Member(_position(spans, start, group.start), _end_position(spans, end, group.start))
        expecting_operand = True
        for token_start, token_end in _tokens(own, literals, start, end):
            token = own[token_start:token_end]
            token_from = _position(spans, token_start, group.start)
            token_to = _end_position(spans, token_end, group.start)
            if token in OPERATORS:
                if expecting_operand:
                    raise _SyntaxError(f"operator '{token}' has no operand before it", token_from, token_to)
                member.operators.append(token)
                expecting_operand = True
                continue
            if not expecting_operand:
                raise _SyntaxError(f"'{_show(self.text, token_from, token_to)}' follows an operand without an "
                                   f"operator between them", token_from, token_to)
            member.operands.append(self._operand(own, spans, literals, token_start, token_end, token_from, token_to,
                                                 ids))
            expecting_operand = False
        if expecting_operand:
            if member.operators:
                raise _SyntaxError(f"operator '{member.operators[-1]}' has no operand after it", member.start,
                                   member.end)
            raise _SyntaxError("an operand is missing (nothing between AND/OR or the parentheses)", member.start,
                               member.end)
        if member.constant and self.simplifiable is None:
            self.simplifiable = (member.start, member.end)
        return member

    def _operand(self, own, spans, literals, start, end, text_from, text_to, ids) -> _Operand:
        token = own[start:end]
        if token == "\0":
            child = spans[start]
            return _Operand("group", self.text[child.start:child.end], child.start, child.end, child)
        if "\0" in token:
            raise _SyntaxError(f"'{_show(self.text, text_from, text_to)}' glues a parenthesised group to other text: "
                               f"separate them with spaces", text_from, text_to)
        if start in literals:
            literal_end, content = literals[start]
            if literal_end != end:
                raise _SyntaxError(f"'{_show(self.text, text_from, text_to)}' glues a string to other text",
                                   text_from, text_to)
            return _Operand("string", token, text_from, text_to, content)
        if token[:3].lower() == "id:":
            raw = token[3:]
            number = read_int(raw)
            if number.digits is None or number.status != "ok" or number.value(2**31 - 1) is None:
                raise _SyntaxError(f"'{token}' is not a parameter reference (id: followed by a number)",
                                   text_from, text_to)
            ids.append(ConditionId(raw, text_from + 3, text_to))
            return _Operand("id", token, text_from, text_to, raw)
        lowered = token.lower()
        if lowered in ("empty", "emptystring"):
            return _Operand(lowered, token, text_from, text_to)
        if _NUMBER.match(token):
            try:
                value = float(token.replace(",", ""))
            except ValueError:  # pragma: no cover - the pattern only lets numbers through
                value = None
            if value is not None and value not in (float("inf"), float("-inf")):
                return _Operand("number", token, text_from, text_to, value)
            raise _SyntaxError(f"'{token}' is too large a number", text_from, text_to)
        raise _SyntaxError(f"'{_show(self.text, text_from, text_to)}' is not an operand: write id:N, a number, a "
                           f"\"string\", empty or emptystring", text_from, text_to)

    # -- evaluation ----------------------------------------------------------------
    def evaluate(self, lookup) -> ConditionError | None:
        """The first type problem of the expression, or None. `lookup(raw_id)` returns the kind of
        value a parameter holds (NUMBER, STRING, TABLE, UNKNOWN), None when it does not exist,
        or a message string when its value type cannot be known."""
        if self._top is None:
            return None
        try:
            value = _Evaluator(self, lookup).group(self._top)
        except _Failure as failure:
            return failure.error
        if value.kind != BOOL:
            return ConditionError("invalid", "the condition is not a boolean expression (it yields a "
                                             f"{value.kind}): compare it with ==, !=, <, >, <= or >=", 0,
                                  len(self.text))
        return None


class _Failure(Exception):
    def __init__(self, error: ConditionError):
        super().__init__(error.message)
        self.error = error


class _Evaluator:
    def __init__(self, parsed: ParsedCondition, lookup):
        self.parsed = parsed
        self.lookup = lookup
        self.cache: dict[int, Value] = {}

    def fail(self, message: str, start: int, end: int):
        raise _Failure(ConditionError("invalid", message, start, end))

    def group(self, group: _Group) -> Value:
        known = self.cache.get(id(group))
        if known is not None:
            return known
        result = None
        for member in group.members:
            value = self.member(member)
            if group.connectors and value.kind != BOOL:
                self.fail(f"'{_show(self.parsed.text, member.start, member.end)}' is not a boolean, but AND and "
                          f"OR join booleans only", member.start, member.end)
            result = value
        if group.connectors:
            result = Value(BOOL)
        self.cache[id(group)] = result
        return result

    def operand(self, operand: _Operand) -> Value:
        kind = operand.kind
        if kind == "group":
            return self.group(operand.value)
        if kind == "number":
            return Value(NUMBER, number=operand.value)
        if kind == "string":
            return Value(STRING, string=operand.value)
        if kind == "emptystring":
            return Value(STRING, string="")
        if kind == "empty":
            return Value(NULL)
        raw = operand.value
        number = read_int(raw)
        if not number.negative and number.digits is not None and number.at_most(2**32 - 1) \
                and int(number.digits) in GENERAL_PARAMS:
            return Value(UNKNOWN)
        found = self.lookup(raw)
        if found is None:
            pid = ("-" if number.negative else "") + (number.digits or raw)
            raise _Failure(ConditionError("missing", f"id:{raw} names no parameter", operand.start, operand.end,
                                          pid=pid))
        if found not in (NUMBER, STRING, TABLE, UNKNOWN):
            self.fail(found, operand.start, operand.end)
        if found == NUMBER:
            return Value(NUMBER, number=10.0)
        if found == STRING:
            return Value(STRING, string="10")
        return Value(found)

    def member(self, member: _Member) -> Value:
        text = self.parsed.text
        source = compare = None
        relation = None
        composed = False
        for index, operand in enumerate(member.operands):
            value = self.operand(operand)
            if operand.kind == "group" and value.kind == BOOL:
                composed = True
            if index:
                operator = member.operators[index - 1]
                if operator in RELATIONAL:
                    if relation is not None:
                        self.fail(f"'{_show(text, member.start, member.end)}' has two comparisons ('{relation}' and "
                                  f"'{operator}'): split it with AND/OR", member.start, member.end)
                    relation = operator
                else:
                    value = self._arithmetic(operator, compare if relation else source, value, operand, member)
            if index == 0 or relation is None:
                source = value
            if relation is not None:
                compare = value
        if relation is None:
            return source
        if not composed:
            self._comparable(source, compare, member)
        return Value(BOOL)

    def _arithmetic(self, operator, left: Value, right: Value, operand, member) -> Value:
        text = self.parsed.text
        if operator == "+":
            if left.kind != right.kind:
                self.fail(f"'+' needs two operands of the same type, not a {left.kind} and a {right.kind} (in "
                          f"'{_show(text, member.start, member.end)}')", operand.start, operand.end)
            if left.kind == STRING:
                return Value(STRING, string=(left.string or "") + (right.string or ""))
            if left.kind == NUMBER:
                return Value(NUMBER, number=(left.number or 0) + (right.number or 0))
            return right
        if operator in "-*/":
            if left.kind != NUMBER or right.kind != NUMBER:
                self.fail(f"'{operator}' needs two numbers, not a {left.kind} and a {right.kind} (in "
                          f"'{_show(text, member.start, member.end)}')", operand.start, operand.end)
            a, b = left.number or 0.0, right.number or 0.0
            if operator == "-":
                return Value(NUMBER, number=a - b)
            if operator == "*":
                return Value(NUMBER, number=a * b)
            return Value(NUMBER, number=a / b if b else 0.0)
        if left.kind == NUMBER and right.kind == NUMBER:
            return Value(NUMBER, number=float(_bitwise(operator, left.number, right.number)))
        return right

    def _comparable(self, left: Value, right: Value, member) -> None:
        if NULL in (left.kind, right.kind):
            return
        if left.kind == STRING and right.kind == NUMBER:
            self._numeric_text(left, member)
        elif left.kind == NUMBER and right.kind == STRING:
            self._numeric_text(right, member)

    def _numeric_text(self, value: Value, member) -> None:
        text = self.parsed.text
        if value.string == "":
            self.fail(f"an empty string is compared with a number (in '{_show(text, member.start, member.end)}')",
                      member.start, member.end)
        if not _NUMBER.match((value.string or "").strip()):
            self.fail(f"the string \"{value.string}\" is compared with a number but is no number (in "
                      f"'{_show(text, member.start, member.end)}')", member.start, member.end)


def _bitwise(operator: str, a: float | None, b: float | None) -> int:
    import math

    x, y = int(math.floor(a or 0.0)), int(math.floor(b or 0.0))
    return x & y if operator == "&" else x | y if operator == "|" else x ^ y


def _tokens(own: str, literals: dict, start: int, end: int):
    """(start, end) of the space-separated tokens of own[start:end]; a string literal is one token."""
    position = start
    while position < end:
        if own[position] == " ":
            position += 1
            continue
        token_start = position
        while position < end and own[position] != " ":
            literal = literals.get(position)
            position = min(literal[0], end) if literal else position + 1
        yield token_start, position


def _position(spans: list, index: int, fallback: int) -> int:
    """The position in the text of index `index` of a group's own text."""
    if not spans:
        return fallback
    index = max(0, min(index, len(spans) - 1))
    item = spans[index]
    return item if isinstance(item, int) else item.start


def _end_position(spans: list, end: int, fallback: int) -> int:
    """The position in the text just after index `end - 1` of a group's own text."""
    if not spans or end <= 0:
        return fallback
    item = spans[min(end, len(spans)) - 1]
    return item + 1 if isinstance(item, int) else item.end


def _show(text: str, start: int, end: int, limit: int = 60) -> str:
    shown = text[start:end]
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


_IDS = re.compile(r"(?<![\w:])id:([+-]?\d+)", re.IGNORECASE)


def _scan_ids(text: str) -> list[ConditionId]:
    """The `id:N` tokens of a text that could not be parsed (still uses of those parameters)."""
    return [ConditionId(match.group(1), match.start(1), match.end(1)) for match in _IDS.finditer(text)]


@lru_cache(maxsize=4096)
def parse(text: str) -> ParsedCondition:
    """A condition text, read once (the same text is read once per process)."""
    return ParsedCondition(text)


# -- conditions in the protocol ---------------------------------------------------------

# The sections whose elements carry a `Condition` child, and the official check judging it.
CONDITION_CHECKS = {"qaction": "3.35", "group": "4.9", "trigger": "5.5", "action": "6.4", "timer": "7.4",
                    "pair": "9.7"}


@dataclass
class ConditionSite:
    """The `Condition` child of an Action, Group, Pair, QAction, Timer or Trigger with a valid id."""

    kind: str  # the owner's section: action, group, pair, qaction, timer, trigger
    owner: object  # the owning element
    element: object  # the Condition element
    label: str  # 'Group 10', for messages

    @property
    def check(self) -> str:
        return CONDITION_CHECKS[self.kind]

    @property
    def text(self) -> str:
        """The condition as DataMiner reads it: the element text, trimmed (CDATA included)."""
        return (self.element.text or "").strip()

    @property
    def parsed(self) -> ParsedCondition:
        return parse(self.text)


def condition_sites(model) -> list[ConditionSite]:
    """Every Condition of the execution flow, section by section in document order. Like the
    official validator, only owners whose id reads as an unsigned number are considered."""
    from dmlint.core.ids import UINT32_MAX
    from dmlint.model.elements import child

    found = []
    for kind in CONDITION_CHECKS:
        section = model.section(kind)
        label = section.section.label
        for owner in section.items:
            raw = owner.get("id")
            if not read_int(raw).at_most(UINT32_MAX):
                continue
            element = child(owner, "Condition")
            if element is not None:
                found.append(ConditionSite(kind, owner, element, f"{label} {raw.strip()}"))
    return found


def value_kind(model, raw: str):
    """What a condition reads from parameter `raw`: NUMBER, STRING or TABLE; None when no such
    parameter exists; a message when its value type cannot be known."""
    from dmlint.model.elements import child, text_of

    number = read_int(raw)
    if number.negative or number.digits is None:
        return None
    param = model.param(number.digits)
    if param is None:
        return None
    if param.type_text == "array":
        return TABLE
    interprete = (text_of(child(child(param.element, "Interprete"), "Type")) or "").lower()
    if interprete in ("double", "high nibble"):
        return NUMBER
    if interprete == "string":
        return STRING
    return (f"Param {number.digits} has no valid Interprete/Type, so the type of id:{raw} cannot be known "
            f"(add <Interprete><Type>double</Type></Interprete> or string)")


@dataclass(frozen=True)
class ConditionIssue:
    site: ConditionSite
    kind: str  # empty | invalid | missing | simplifiable
    message: str
    start: int = 0
    end: int = 0
    pid: str | None = None


def condition_issues(model) -> dict[str, list[ConditionIssue]]:
    """Every problem of every condition, by kind (what the COND rules report): an empty
    condition, a syntax error, an id naming no parameter, a type error, a constant member."""
    issues: dict[str, list[ConditionIssue]] = {}

    def add(issue: ConditionIssue) -> None:
        issues.setdefault(issue.kind, []).append(issue)

    lookup_cache: dict[str, object] = {}

    def lookup(raw: str):
        if raw not in lookup_cache:
            lookup_cache[raw] = value_kind(model, raw)
        return lookup_cache[raw]

    for site in model.conditions:
        parsed = site.parsed
        if parsed.empty:
            add(ConditionIssue(site, "empty", "is empty"))
            continue
        if parsed.simplifiable is not None:
            start, end = parsed.simplifiable
            add(ConditionIssue(site, "simplifiable", parsed.text[start:end], start, end))
        if parsed.syntax_error is not None:
            error = parsed.syntax_error
            add(ConditionIssue(site, "invalid", error.message, error.start, error.end))
            continue
        error = parsed.evaluate(lookup)
        if error is not None:
            add(ConditionIssue(site, error.kind, error.message, error.start, error.end, error.pid))
    return issues
