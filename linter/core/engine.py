"""From a file to its findings: read, parse, build the model, run the selected rules.

    bytes --parser.parse--> Document --model.build_model--> ProtocolModel
          --rule.check(model)--> Problem --locate--> Finding
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace

from dmlint.model import build_model
from dmlint.core.parser import Document, SyntaxProblem, local_name, parse
from dmlint.core.problem import FINDING_ORDER, SEVERITY_RANK, Finding, Problem
from dmlint.core.registry import Rule, all_rules, rules_by_code
from dmlint.core.safe_read import read_regular_file
from dmlint.schema import start_schema_findings
from dmlint.core.suppressions import apply_suppressions

SNIPPET_LIMIT = 200  # characters of a source line shown under a finding


@dataclass
class LintSettings:
    selected: frozenset[str]
    severity: dict[str, str] = field(default_factory=dict)  # code -> overriding severity
    per_file_ignores: object | None = None  # dmlint.core.config.PerFileIgnores
    schema: str | None = None  # XSD to validate against instead of the bundled one (--schema, config)
    schema_validation: bool = True  # False: no XSD001-XSD004 at all (--no-schema)

    def for_path(self, path: str) -> "LintSettings":
        """These settings with the path's per-file-ignores applied."""
        if self.per_file_ignores is None:
            return self
        return replace(self, selected=self.selected - self.per_file_ignores.codes_for(path), per_file_ignores=None)

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.code, rule.severity)


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None  # why the file was not linted (not a protocol)
    document: Document | None = field(default=None, repr=False)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by inline comments

    @property
    def checked(self) -> bool:
        return self.skipped is None


def _engine_finding(path: str, code: str, line: int, column: int, message: str, settings: LintSettings,
                    source_line: str = "") -> list[Finding]:
    rule = rules_by_code()[code]
    if code not in settings.selected:
        return []
    return [Finding(path, line, column, code, rule.name, settings.severity_of(rule), message,
                    rule.skyline, source_line)]


def lint_file(path: str, settings: LintSettings) -> FileReport:
    """Lint one file from disk; a file that cannot be read is an IO001 finding."""
    settings = settings.for_path(path)
    try:
        data = read_regular_file(path)  # a FIFO or device is an error, never a hang
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return FileReport(path, _engine_finding(path, "IO001", 1, 1, f"cannot read file: {reason}", settings))
    return lint_bytes(path, data, settings)


def lint_bytes(path: str, data: bytes, settings: LintSettings) -> FileReport:
    # Linting a big file allocates hundreds of thousands of objects that live until the end
    # (element proxies, references): Python's cyclic collector would traverse them again and
    # again (~80 ms on 20 MB). Pause it for one file; garbage cycles are collected afterwards.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _lint_parsed_bytes(path, data, settings)
    except Exception as exc:  # e.g. a parser or model bug on one odd file: a finding, never a crash
        message = f"dmlint failed on this file: {exc.__class__.__name__}: {exc}"
        return FileReport(path, _engine_finding(path, "INT001", 1, 1, message, settings.for_path(path)))
    finally:
        if paused:
            gc.enable()


def _lint_parsed_bytes(path: str, data: bytes, settings: LintSettings) -> FileReport:
    settings = settings.for_path(path)
    parsed = parse(path, data)
    if isinstance(parsed, SyntaxProblem):
        if not data.strip():
            # An empty file is not a protocol; say so rather than "Document is empty" noise.
            return FileReport(path, _engine_finding(path, "XML001", 1, 1, "file is empty, not XML", settings))
        message = f"malformed XML: {parsed.message}"
        return FileReport(path, _engine_finding(path, "XML001", parsed.line, parsed.column, message, settings))
    root_name = local_name(parsed.root.tag)
    if root_name != "Protocol":
        return FileReport(path, skipped=f"root element is <{root_name}>, not <Protocol>")
    findings, suppressed = apply_suppressions(parsed, run_rules(parsed, settings), settings)
    return FileReport(path, findings, document=parsed, suppressed=suppressed)


def run_rules(document: Document, settings: LintSettings) -> list[Finding]:
    schema_results = start_schema_findings(document, settings)  # XSD001-XSD004, validated meanwhile
    model = build_model(document)
    findings: list[Finding] = []
    for rule in all_rules():
        if rule.check is None or rule.code not in settings.selected:
            continue
        problems: list[Problem] = []
        failure = None
        try:
            for problem in rule.check(model):
                problems.append(problem)
        except Exception as exc:  # a rule bug must not hide the other rules' findings
            failure = f"rule {rule.code} failed on this file: {exc.__class__.__name__}: {exc}"
        # What the rule yielded before failing is kept: each problem stands on its own.
        placed, placing_failure = _to_findings(document, rule, settings.severity_of(rule), problems)
        findings.extend(placed)
        for message in (failure, placing_failure):
            if message:
                findings.extend(_engine_finding(document.path, "INT001", 1, 1, message, settings))
    findings.extend(schema_results(findings))  # leaves out an attribute a rule already reported
    findings.sort(key=FINDING_ORDER)
    return findings


def _to_findings(document: Document, rule: Rule, severity: str,
                 problems: list[Problem]) -> tuple[list[Finding], str | None]:
    """The rule's problems as findings, and why some could not be placed (None: all were).

    A problem that cannot be turned into a finding (an engine or rule bug) is left out and
    reported once per rule as INT001, like a rule that crashed: the other problems of the
    rule, and every other rule's findings, are kept. A problem without an element (a rule
    bug) is placed on the rule's SUBJECT, else on the root element.
    """
    path, code, name, skyline = document.path, rule.code, rule.name, rule.skyline
    locate, snippet, identities = document.locate, document.snippet, document.identities
    limit = SNIPPET_LIMIT * 50
    findings = []
    failure = None
    for problem in problems:
        try:
            element = problem.element
            if element is None:
                element = _fallback_anchor(document, rule)
            line, column = locate(element, problem.attribute)
            findings.append(Finding(
                path, line, column, code, name, severity, problem.message,
                skyline if problem.skyline is None else tuple(problem.skyline),
                snippet(line, limit), element, identities(element),
            ))
        except Exception as exc:
            if failure is None:
                failure = (f"rule {code} failed on this file: a finding could not be placed: "
                           f"{exc.__class__.__name__}: {exc}")
    return findings, failure


def _fallback_anchor(document: Document, rule: Rule):
    """Where a problem without an element goes: the deepest element of the rule's SUBJECT
    path (local names from the root) that exists, else the root element."""
    anchor = document.root
    for step in rule.subject:
        found = next(anchor.iterchildren("{*}" + step), None)
        if found is None:
            break
        anchor = found
    return anchor


def at_or_above(findings: list[Finding], threshold: str) -> list[Finding]:
    rank = SEVERITY_RANK[threshold]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= rank]


@dataclass
class RunResult:
    """Everything one `dmlint check` produced, in a deterministic order."""

    reports: list[FileReport]
    version: str
    baseline: object | None = None  # dmlint.core.baseline.BaselineOutcome when --baseline was used

    _merged: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def findings(self) -> list[Finding]:
        """Every file's findings in order (a new list; merged and sorted once while the
        reports' finding lists stay the same: formatters ask several times)."""
        lists = [report.findings for report in self.reports]
        sizes = [len(found) for found in lists]
        cached = self._merged
        if (cached is None or len(cached[0]) != len(lists) or cached[1] != sizes
                or any(old is not new for old, new in zip(cached[0], lists, strict=True))):
            merged = [finding for found in lists for finding in found]
            merged.sort(key=FINDING_ORDER)
            cached = self._merged = (lists, sizes, merged)  # holding the lists: no id reuse
        return list(cached[2])

    @property
    def suppressed(self) -> list[Finding]:
        merged = [finding for report in self.reports for finding in report.suppressed]
        merged.sort(key=FINDING_ORDER)
        return merged

    @property
    def files_checked(self) -> int:
        return sum(1 for report in self.reports if report.checked)

    @property
    def skipped(self) -> list[FileReport]:
        return [report for report in self.reports if not report.checked]

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def lint_paths(files: list[str], settings: LintSettings, jobs: int | None = 1) -> RunResult:
    """Lint files with up to `jobs` processes (None: one per CPU); reports sorted by path."""
    from dmlint import __version__
    from dmlint.core.parallel import lint_many

    reports = lint_many(files, settings, jobs)
    reports.sort(key=lambda report: report.path)
    return RunResult(reports, __version__)
