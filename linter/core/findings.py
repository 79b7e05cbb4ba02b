"""The one place a Finding is made: selection of its unit, severity, position and snippet.

Rules yield `Problem`s (an element, a message, an official code); the engine, the
schema validation, the suppressions and the process pool report engine codes
(XML001, IO001, INT001, SUP001, XSD00x). Both become findings here, so every finding
follows the same rules:

- it is reported only when its rule and its official code are selected;
- its severity is the configured one for the rule, else the official code's (Critical
  and Major: error; Minor and Warning: warning) unless the rule opts out, else the rule's;
- its position is its element's start tag (or attribute), else the given line and column;
  a problem without an element (a rule bug) is placed on the rule's SUBJECT, the path of
  local names from the root to what it checks, as far as it exists, else on the root; a
  problem with an explicit `position` (a C# construct inside a QAction) is placed there;
- its snippet is its source line (none for a huge line: a minified file).

Positions, snippets and identities come from the document's caches, so the cost of a
file's findings is linear in their number and in the file size. An identity is resolved
only when read (baselines, SARIF, fingerprints, the cache, the process pool).
"""

from __future__ import annotations

from dmlint import catalogue
from dmlint.core.problem import Finding, Problem
from dmlint.core.registry import Rule, rules_by_code

SNIPPET_LIMIT = 200  # characters of a source line shown under a finding


def official_code(rule: Rule, official: str | None) -> str:
    """The official code a finding carries: the problem's, else the rule's only one, else ''."""
    if official is not None:
        return official
    codes = rule.skyline
    return codes[0] if len(codes) == 1 else ""


def severity(rule: Rule, official: str, settings) -> str:
    configured = settings.severity.get(rule.code)
    if configured:
        return configured
    if official and rule.official_severity:
        entry = catalogue.get(official)
        mapped = entry.dmlint_severity if entry is not None else None
        if mapped:
            return mapped
    return rule.severity


def source_line(document, line: int) -> str:
    """The line for the snippet; none for a huge line (a minified file): a cut line would
    not match the column, and copying megabytes per finding is quadratic."""
    if document is None:
        return ""
    return document.snippet(line, SNIPPET_LIMIT * 50)


def fallback_anchor(document, rule: Rule):
    """Where a problem without an element goes: the deepest element of the rule's SUBJECT
    path that exists, else the root element."""
    anchor = document.root
    for step in rule.subject:
        found = next(anchor.iterchildren("{*}" + step), None)
        if found is None:
            break
        anchor = found
    return anchor


class FindingMaker:
    """Makes the findings of one file (path, settings and, once parsed, its document)."""

    def __init__(self, path: str, settings, document=None):
        self.path = path
        self.settings = settings
        self.document = document
        self._rules = rules_by_code()
        self._allows = settings.selection.allows  # once per file, not once per finding
        # (rule code, problem's official code) -> (official code, severity, skyline) or None when
        # not reported: the same few pairs recur for every finding of a rule.
        self._verdicts: dict[tuple[str, str | None], tuple[str, str, tuple[str, ...]] | None] = {}
        self._snippets: dict[int, str] = {}  # line -> its snippet
        # The document's identities, handed to each finding to resolve its identity when read.
        self._identities = document.identities if document is not None else None

    def _verdict(self, rule: Rule, official: str | None) -> tuple[str, str, tuple[str, ...]] | None:
        key = (rule.code, official)
        if key in self._verdicts:
            return self._verdicts[key]
        official = official_code(rule, official)
        verdict = ((official, severity(rule, official, self.settings), (official,) if official else ())
                   if self._allows(rule.code, official) else None)
        self._verdicts[key] = verdict
        return verdict

    def from_problem(self, rule: Rule, problem: Problem) -> Finding | None:
        verdict = self._verdicts.get((rule.code, problem.official)) or self._verdict(rule, problem.official)
        if verdict is None:
            return None
        _official, level, skyline = verdict
        document = self.document
        element = problem.element
        if element is not None:
            attribute = problem.attribute
        else:
            element, attribute = fallback_anchor(document, rule), None
        line, column = problem.position or document.locate(element, attribute)
        related = tuple((*(other if isinstance(other, tuple) else document.locate(other, None)), note)
                        for other, note in problem.related if other is not None) if problem.related else ()
        snippet = self._snippets.get(line)
        if snippet is None:
            snippet = self._snippets[line] = document.snippet(line, SNIPPET_LIMIT * 50)
        return Finding(self.path, line, column, rule.code, rule.name, level, problem.message, skyline, snippet,
                       element, related=related, fix=problem.fix, identities=self._identities)

    def at(self, code: str, line: int, column: int, message: str, element=None, attribute: str | None = None,
           official: str | None = None, identity: str | None = None, snippet: str | None = None) -> Finding | None:
        """A finding of an engine code at a position (or at an element's position)."""
        rule = self._rules[code]
        official = official_code(rule, official)
        if not self._allows(code, official):
            return None
        identities = None
        if element is not None and self.document is not None:
            line, column = self.document.locate(element, attribute)
            if identity is None:
                identities = self.document.identities  # the identity is resolved when read
        if snippet is None:
            snippet = source_line(self.document, line)
        return Finding(self.path, line, column, code, rule.name, severity(rule, official, self.settings), message,
                       (official,) if official else (), snippet, element, identity, identities=identities)

    def engine(self, code: str, line: int, column: int, message: str, official: str | None = None) -> list[Finding]:
        """[finding] or [] (not selected): the engine's own findings at a position."""
        finding = self.at(code, line, column, message, official=official)
        return [finding] if finding is not None else []
