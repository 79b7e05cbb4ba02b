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

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from dmlint.core.findings import FindingMaker
from dmlint.core.identity import element_identity
from dmlint.core.problem import Finding
from dmlint.core.registry import all_rules

UNUSED_CODE = "SUP001"

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
    codes: frozenset[str]  # dmlint rule codes it silences
    start: int = 1
    end: int | None = None  # None: to the end of the file
    target: object | None = None  # disable-next: the element whose subtree is silenced
    whole_file: bool = False
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if finding.code not in self.codes:
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


def _next_element(comment):
    for sibling in comment.itersiblings():
        if isinstance(sibling.tag, str):
            return sibling
    return None


@lru_cache(maxsize=None)
def _codes_for_selector(selector: str) -> frozenset[str]:
    return frozenset(rule.code for rule in all_rules() if selector == "ALL" or rule.code.startswith(selector))


@lru_cache(maxsize=None)
def _codes_for_official(code: str) -> frozenset[str]:
    """The rules sharing an official code (cached: the rule set is fixed for the process, and a
    protocol may hold hundreds of SuppressValidator comments, each naming a code)."""
    return frozenset(rule.code for rule in all_rules() if code in rule.skyline)


@dataclass
class FileSuppressions:
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[tuple[Directive, str]] = field(default_factory=list)  # directive, why it is reported


def build_suppressions(directives: list[Directive]) -> FileSuppressions:
    result = FileSuppressions()
    open_ranges: dict[tuple[bool, str], list[Suppression]] = {}
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
                suppression.target = _next_element(directive.comment)
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
    kept.sort(key=Finding.sort_key)
    suppressed.sort(key=Finding.sort_key)
    return kept, suppressed


def _split(findings, suppressions):
    by_code: dict[str, list[Suppression]] = {}
    for suppression in suppressions:  # most SuppressValidator ranges name codes no dmlint rule shares
        for code in suppression.codes:
            by_code.setdefault(code, []).append(suppression)
    kept, suppressed = [], []
    for finding in findings:
        matched = [s for s in by_code.get(finding.code, ()) if s.covers(finding)]
        if not matched:
            kept.append(finding)
            continue
        for suppression in matched:
            suppression.used = True
        finding.suppression = matched[0].directive.label
        suppressed.append(finding)
    return kept, suppressed


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


def _unused_finding(document, directive: Directive, why: str, settings) -> Finding | None:
    line_text = document.line_text(directive.line)
    column = line_text.find("<!--") + 1 or 1
    parent = directive.comment.getparent()
    identity = (element_identity(parent) if parent is not None else "") + "/comment()"
    return FindingMaker(document.path, settings, document).at(
        UNUSED_CODE, directive.line, column, f"unused suppression: {why}", identity=identity, snippet=line_text)
