"""Inline suppressions in XML comments, applied to a file's findings after the rules ran.

dmlint's own forms (codes comma-separated; prefixes and ALL allowed; a reason may follow):

    <!-- dmlint: disable=WS006 reason -->  ...  <!-- dmlint: enable=WS006 -->   lines in between
    <!-- dmlint: disable-next=WS006 reason -->       the next element and its whole subtree
    <!-- dmlint: disable-file=WS010 reason -->       the whole file

The official validator's ranges are honoured too, so existing protocols need no new
comments: `<!-- SuppressValidator 8.11.1 reason -->` ... `<!-- /SuppressValidator 8.11.1 -->`
(and `PostponeValidator`) silence the dmlint rules whose SKYLINE lists that official code.
A range without its closing comment runs to the end of the file.

A dmlint comment that silences nothing, names an unknown code, or cannot be read is
reported as SUP001. SuppressValidator comments are never reported as unused: they belong
to the official validator, whose check for a code is broader than the dmlint rule that
shares it (WS004 covers 8.11.1 only inside handshake sessions), so "unused for dmlint"
says nothing about whether the comment is still needed.

Comments are found with one pass over the tree (`iter(etree.Comment)`), and each finding
is compared with the file's suppressions only: cost is linear in the file size.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from dmlint.core.findings import FindingMaker
from dmlint.core.problem import FINDING_ORDER, Finding
from dmlint.core.registry import all_rules

UNUSED_CODE = "SUP001"
SNIPPET_LIMIT = 10_000  # a longer line gets no snippet (as for every other finding)

DIRECTIVE = re.compile(r"^\s*dmlint\s*:\s*(?P<body>.*)$", re.DOTALL | re.IGNORECASE)
DMLINT_FORM = re.compile(
    r"^(?P<kind>disable-next|disable-file|disable|enable)\b\s*"
    r"(?:=\s*(?P<codes>[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*))?"
    r"(?P<reason>.*)$",
    re.DOTALL | re.IGNORECASE,
)
VALIDATOR_FORM = re.compile(
    r"^\s*(?P<close>/)?\s*(?P<which>Suppress|Postpone)Validator\s+(?P<code>\d+(?:\.\d+)*)\b\s*(?P<reason>.*)$",
    re.DOTALL,
)


@dataclass
class Directive:
    """One suppression comment as written."""

    comment: object
    line: int  # where the comment starts
    kind: str  # disable, enable, disable-next, disable-file, validator, validator-end, malformed
    selectors: list[str]
    reason: str
    text: str
    own: bool = True  # a dmlint comment (False: SuppressValidator / PostponeValidator)

    @property
    def label(self) -> str:
        return " ".join(self.text.split())


@dataclass
class Suppression:
    """What one selector of one directive silences."""

    directive: Directive
    selector: str  # a dmlint code/prefix/ALL, or an official code for validator ranges
    codes: frozenset[str]  # the keys of the findings it silences (finding_keys): rule codes, or '@2.5.1'
    start: int = 1
    end: int | None = None  # None: to the end of the file
    target: object | None = None  # disable-next: the element whose subtree is silenced
    whole_file: bool = False
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not any(key in self.codes for key in finding_keys(finding)):
            return False
        if self.whole_file:
            return True
        if self.target is not None:
            element = finding.element
            if element is None:
                return False
            if element is self.target:
                return True
            return any(ancestor is self.target for ancestor in element.iterancestors())
        if self.directive.kind == "disable-next":
            return False  # it had no element to apply to
        return finding.line >= self.start and (self.end is None or finding.line <= self.end)


def _comments(root, inner=None):
    """Every comment of the document in order, including those before and after the root
    (`inner`: the comments inside the root when already collected, see model.py)."""
    yield from reversed([node for node in root.itersiblings(preceding=True) if node.tag is etree.Comment])
    yield from (root.iter(etree.Comment) if inner is None else inner)
    yield from (node for node in root.itersiblings() if node.tag is etree.Comment)


def _start_line(comment) -> int:
    return max(1, (comment.sourceline or 1) - (comment.text or "").count("\n"))


def parse_directives(root, inner_comments=None) -> list[Directive]:
    directives = []
    for comment in _comments(root, inner_comments):
        text = comment.text or ""
        match = VALIDATOR_FORM.match(text)
        if match:
            directives.append(Directive(
                comment, _start_line(comment), "validator-end" if match.group("close") else "validator",
                [match.group("code")], match.group("reason").strip(), text, own=False))
            continue
        match = DIRECTIVE.match(text)
        if not match:
            continue
        body = match.group("body").strip()
        form = DMLINT_FORM.match(body)
        if not form or (form.group("kind").lower() != "enable" and not form.group("codes")):
            directives.append(Directive(comment, _start_line(comment), "malformed", [], "", text))
            continue
        codes = [code.strip().upper() for code in (form.group("codes") or "").split(",") if code.strip()]
        directives.append(Directive(comment, _start_line(comment), form.group("kind").lower(), codes,
                                    form.group("reason").strip(), text))
    return directives


def _next_element(comment, known: dict | None = None):
    """The element following a comment among its siblings, or None. `known` maps comments
    already resolved to their answer, so a run of comments is walked once, not once each."""
    if known is not None and comment in known:
        return known[comment]
    skipped = []
    found = None
    for sibling in comment.itersiblings():
        if isinstance(sibling.tag, str):
            found = sibling
            break
        if known is not None and sibling in known:
            found = known[sibling]
            break
        skipped.append(sibling)
    if known is not None:
        known[comment] = found
        for sibling in skipped:
            known[sibling] = found
    return found


@lru_cache(maxsize=None)
def _codes_for_selector(selector: str) -> frozenset[str]:
    return frozenset(rule.code for rule in all_rules() if selector == "ALL" or rule.code.startswith(selector))


def finding_keys(finding: Finding) -> tuple[str, ...]:
    """What a suppression can name a finding by: its rule code, and '@' + its official code
    (a SuppressValidator comment silences exactly the findings with its official code, not
    every finding of the rules that may report it)."""
    return (finding.code, "@" + finding.skyline[0]) if finding.skyline else (finding.code,)


@lru_cache(maxsize=None)
def _codes_for_official(code: str) -> frozenset[str]:
    """The keys a SuppressValidator comment for `code` silences: findings with that official
    code; for a sub-result code (`..._Sub`, which dmlint shows as a related location of the
    finding that carries the summary code), the findings of the rules that claim it, as the
    official validator drops a result whose sub-results are suppressed."""
    from dmlint import catalogue

    entry = catalogue.get(code)
    if entry is not None and entry.error_name.endswith("_Sub"):
        return frozenset({"@" + code, *(rule.code for rule in all_rules() if code in rule.skyline)})
    return frozenset({"@" + code})


@dataclass
class FileSuppressions:
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[tuple[Directive, str]] = field(default_factory=list)  # directive, why it is reported


def build_suppressions(directives: list[Directive]) -> FileSuppressions:
    result = FileSuppressions()
    open_ranges: dict[tuple[bool, str], list[Suppression]] = {}
    next_elements: dict = {}  # comment -> the element after it (see _next_element)
    for directive in directives:
        if directive.kind == "malformed":
            result.problems.append((directive, "cannot read this dmlint comment: write "
                                               "'dmlint: disable=CODES reason', 'disable-next=', "
                                               "'disable-file=' or 'enable='"))
            continue
        if directive.kind in ("enable", "validator-end"):
            own = directive.kind == "enable"
            selectors = directive.selectors or [key[1] for key in open_ranges if key[0] == own and open_ranges[key]]
            closed_any = False
            for selector in selectors:
                stack = open_ranges.get((own, selector))
                if stack:
                    stack.pop().end = directive.line
                    closed_any = True
                elif own:
                    result.problems.append((directive, f"enable={selector} closes no 'dmlint: disable={selector}'"))
            if own and not directive.selectors and not closed_any:
                result.problems.append((directive, "this enable closes no 'dmlint: disable'"))
            continue
        for selector in directive.selectors:
            codes = _codes_for_official(selector) if not directive.own else _codes_for_selector(selector)
            if directive.own and not codes:
                result.problems.append((directive, f"{selector} is not a dmlint rule code or prefix"))
                continue
            suppression = Suppression(directive, selector, codes, start=directive.line)
            if directive.kind == "disable-file":
                suppression.whole_file = True
            elif directive.kind == "disable-next":
                suppression.target = _next_element(directive.comment, next_elements)
            else:  # a range: disable or validator
                open_ranges.setdefault((directive.own, selector), []).append(suppression)
            result.suppressions.append(suppression)
    return result


def apply_suppressions(document, findings: list[Finding], settings) -> tuple[list[Finding], list[Finding]]:
    """(kept findings plus SUP001 findings, suppressed findings) for one parsed file."""
    directives = parse_directives(document.root, document.comments)
    if not directives:
        return findings, []
    table = build_suppressions(directives)
    kept, suppressed = _split(findings, table.suppressions)
    if UNUSED_CODE in settings.selected:
        reports = _unused(document, table, settings)
        # A SUP001 finding can itself be silenced (disable-file=SUP001, ...).
        more_kept, more_suppressed = _split(reports, table.suppressions)
        kept.extend(more_kept)
        suppressed.extend(more_suppressed)
    kept.sort(key=FINDING_ORDER)
    suppressed.sort(key=FINDING_ORDER)
    return kept, suppressed


def _split(findings, suppressions):
    """(kept, suppressed): each finding against an index of the suppressions of its code.

    Whole-file suppressions are a flag per code, `disable-next` ones a table from target
    element to suppressions (a finding walks its own ancestors once), and line ranges are
    matched in one sweep over the findings sorted by line, with a heap of the open ranges.
    So the cost is about (findings x depth + ranges) log ranges, never findings x comments.
    A finding reports the first matching suppression in document order, and every
    suppression that matches any finding counts as used.
    """
    order = {id(suppression): number for number, suppression in enumerate(suppressions)}
    whole_file: dict[str, list[Suppression]] = {}
    targets: dict[str, dict] = {}
    ranges: dict[str, list[Suppression]] = {}
    for suppression in suppressions:  # most SuppressValidator ranges name codes no dmlint rule shares
        if suppression.whole_file:
            kind = whole_file
        elif suppression.target is not None:
            for code in suppression.codes:
                targets.setdefault(code, {}).setdefault(suppression.target, []).append(suppression)
            continue
        elif suppression.directive.kind == "disable-next":
            continue  # it had no element to apply to
        else:
            kind = ranges
        for code in suppression.codes:
            kind.setdefault(code, []).append(suppression)

    matches: dict[int, list[Suppression]] = {}  # index of a finding -> what silences it

    def add(number: int, found) -> None:
        if found:
            matches.setdefault(number, []).extend(found)

    for number, finding in enumerate(findings):
        for key in finding_keys(finding):
            add(number, whole_file.get(key))
            by_target = targets.get(key)
            if by_target and finding.element is not None:
                element = finding.element
                add(number, by_target.get(element))
                for ancestor in element.iterancestors():
                    add(number, by_target.get(ancestor))
    _sweep_ranges(findings, ranges, add)

    kept, suppressed = [], []
    for number, finding in enumerate(findings):
        matched = matches.get(number)
        if not matched:
            kept.append(finding)
            continue
        for suppression in matched:
            suppression.used = True
        first = min(matched, key=lambda suppression: order[id(suppression)])
        finding.suppression = first.directive.label
        suppressed.append(finding)
    return kept, suppressed


def _sweep_ranges(findings, ranges: dict[str, list[Suppression]], add) -> None:
    """Match findings to the line ranges of their code in one sweep: findings and ranges
    sorted by line, and a heap of the ranges started so far keyed by document order. A
    range found closed at the top is dropped for good (lines only grow), so the top is the
    first range covering the line. Whether a range silences anything at all (used) is a
    bisection in the sorted lines of its code's findings."""
    if not ranges:
        return
    by_code: dict[str, list[int]] = {}
    for number, finding in enumerate(findings):
        for key in finding_keys(finding):
            if key in ranges:
                by_code.setdefault(key, []).append(number)
    for code, numbers in by_code.items():
        numbers.sort(key=lambda number: findings[number].line)
        lines = [findings[number].line for number in numbers]
        pending = sorted(enumerate(ranges[code]), key=lambda item: (item[1].start, item[0]))
        next_range = 0
        heap: list[tuple[int, int, Suppression]] = []  # (document order, id, range)
        for number, line in zip(numbers, lines, strict=True):
            while next_range < len(pending) and pending[next_range][1].start <= line:
                heapq.heappush(heap, (pending[next_range][0], id(pending[next_range][1]), pending[next_range][1]))
                next_range += 1
            while heap and not _open_at(heap[0][2], line):
                heapq.heappop(heap)
            if heap:
                add(number, [heap[0][2]])
        for suppression in ranges[code]:
            at = bisect_left(lines, suppression.start)
            if at < len(lines) and _open_at(suppression, lines[at]):
                suppression.used = True


def _open_at(suppression: Suppression, line: int) -> bool:
    return suppression.end is None or line <= suppression.end


def _unused(document, table: FileSuppressions, settings) -> list[Finding]:
    problems: list[tuple[Directive, str]] = list(table.problems)
    by_directive: dict[int, list[Suppression]] = {}
    for suppression in table.suppressions:
        by_directive.setdefault(id(suppression.directive), []).append(suppression)
    for group in by_directive.values():
        directive = group[0].directive
        if not directive.own:
            continue
        unused = [s.selector for s in group
                  if not s.used and UNUSED_CODE not in s.codes and s.codes & settings.selected]
        if not unused:
            continue
        what = ", ".join(unused)
        if directive.kind == "disable-next" and group[0].target is None:
            problems.append((directive, f"disable-next={what} is followed by no element to apply to"))
        else:
            problems.append((directive, f"{directive.kind}={what} silences no finding: remove it"))
    problems.sort(key=lambda item: item[0].line)
    made = (_unused_finding(document, directive, why, settings) for directive, why in problems)
    return [finding for finding in made if finding is not None]


def _comment_column(document, directive: Directive) -> int:
    """1-based column of the `<!--` of a directive on its first line (1 when not found)."""
    span = document.lines.span(directive.line)
    if span is None:
        return 1
    at = document.text.find("<!--", span[0], span[1])
    return at - span[0] + 1 if at >= 0 else 1


def _unused_finding(document, directive: Directive, why: str, settings) -> Finding | None:
    line_text = document.snippet(directive.line, SNIPPET_LIMIT)
    column = _comment_column(document, directive)
    parent = directive.comment.getparent()
    identity = (document.identities(parent) if parent is not None else "") + "/comment()"
    return FindingMaker(document.path, settings, document).at(
        UNUSED_CODE, directive.line, column, f"unused suppression: {why}", identity=identity, snippet=line_text)
