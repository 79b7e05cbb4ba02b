"""From a file to its findings: read, parse, build the model, run the selected rules.

    bytes --parser.parse--> Document --model.build_model--> ProtocolModel
          --rule.check(model)--> Problem --locate--> Finding
"""

from __future__ import annotations

import codecs
import gc
import re
from dataclasses import dataclass, field, replace

from dmlint.core.findings import FindingMaker
from dmlint.core.parser import Document, SyntaxProblem, local_name, parse
from dmlint.core.problem import FINDING_ORDER, SEVERITY_RANK, Finding
from dmlint.core.registry import all_rules
from dmlint.core.safe_read import read_regular_file
from dmlint.core.selection import Selection
from dmlint.core.suppressions import apply_suppressions


@dataclass
class LintSettings:
    selected: frozenset[str]  # the rules that run
    partial: dict[str, frozenset[str]] = field(default_factory=dict)  # rule -> official codes kept, when not all
    severity: dict[str, str] = field(default_factory=dict)  # code -> overriding severity
    per_file_ignores: object | None = None  # dmlint.core.config.PerFileIgnores
    schema: str | None = None  # XSD to validate against instead of the bundled one (--schema, config)
    schema_validation: bool = True  # False: no XSD001-XSD004 at all (--no-schema)
    fail_on: str = "warning"  # lowest severity that fails the run for files with these settings
    fix: str | None = None  # None, "fix" (rewrite the files) or "diff" (report the diff only)
    unsafe_fixes: bool = False  # also apply fixes marked unsafe
    fixable: frozenset[str] | None = None  # rules whose fixes may be applied (None: all)
    unfixable: frozenset[str] = frozenset()  # rules whose fixes are never applied
    expected_provider: str | None = None  # the Provider every protocol must name (PROT004, 1.3.3)
    # path -> the settings of that file's own configuration (the closest config file above it);
    # paths not listed use these settings.
    per_path: dict | None = field(default=None, repr=False)

    @property
    def selection(self) -> Selection:
        return Selection(self.selected, self.partial)

    def allows(self, rule_code: str, official: str | None = None) -> bool:
        """Whether a finding of this rule with this official code is reported."""
        return self.selection.allows(rule_code, official)

    def for_path(self, path: str) -> "LintSettings":
        """The settings of this file: its configuration's, with its per-file-ignores applied."""
        settings = self
        if self.per_path:
            settings = self.per_path.get(path, replace(self, per_path=None))
        if settings.per_file_ignores is None:
            return settings
        selectors = settings.per_file_ignores.selectors_for(path)
        if not selectors:
            return replace(settings, per_file_ignores=None, per_path=None)
        narrowed = settings.selection.without(selectors)
        return replace(settings, selected=narrowed.rules, partial=narrowed.partial, per_file_ignores=None,
                       per_path=None)


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None  # why the file was not linted (not a protocol)
    document: Document | None = field(default=None, repr=False)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by inline comments
    fixed: int = 0  # findings fixed by --fix / --diff
    diff: str | None = None  # --diff: the unified diff of the fixes
    unwritable: str | None = None  # --fix: why the fixes could not be written
    model: object | None = field(default=None, repr=False)  # the ProtocolModel, when asked for (keep_model)
    note: str | None = None  # why schema validation was skipped or adapted (-v); kept by the cache
    cached: bool = False  # the findings came from the cache (dmlint.core.cache)

    @property
    def checked(self) -> bool:
        return self.skipped is None


def lint_file(path: str, settings: LintSettings, cache=None) -> FileReport:
    """Lint one file from disk; a file that cannot be read is an IO001 finding. With a cache
    (dmlint.core.cache.Cache), unchanged files come back from it and new results go into it."""
    settings = settings.for_path(path)
    try:
        data = read_regular_file(path)  # a FIFO or device is an error, never a hang
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return FileReport(path, FindingMaker(path, settings).engine("IO001", 1, 1, f"cannot read file: {reason}"))
    if settings.fix:
        return fix_file(path, data, settings)
    if cache is None:
        return lint_bytes(path, data, settings)
    key = cache.key(path, data, settings)
    report = cache.get(key, path)
    if report is None:
        report = lint_bytes(path, data, settings)
        if report.document is not None:
            from dmlint.schema import validation_note

            report.note = validation_note(report.document.root)
        if not any(finding.code == "INT001" for finding in report.findings):  # a crash is never kept
            cache.put(key, report)
    return report


def cached_report(path: str, settings: LintSettings, cache) -> FileReport | None:
    """The cached report of a file whose bytes and settings are unchanged, or None."""
    settings = settings.for_path(path)
    if settings.fix:
        return None
    try:
        data = read_regular_file(path)
    except OSError:
        return None
    return cache.get(cache.key(path, data, settings), path)


def fix_file(path: str, data: bytes, settings: LintSettings) -> FileReport:
    """--fix: apply the allowed fixes and rewrite the file; --diff: only describe them."""
    from dmlint.core import fixing

    outcome = fixing.fix_bytes(path, data, settings, lint_bytes)
    report = outcome.report
    report.fixed = outcome.fixed
    report.unwritable = outcome.refused
    if outcome.data != data:
        if settings.fix == "diff":
            report.diff = fixing.unified_diff(path, outcome.original_text, outcome.data, data, report.document)
        else:
            try:
                fixing.write_atomically(path, outcome.data)
            except OSError as exc:
                report.unwritable = f"cannot write it: {exc.strerror or exc}"
    return report


def lint_bytes(path: str, data: bytes, settings: LintSettings, keep_model: bool = False) -> FileReport:
    """Lint bytes as the file `path`; `keep_model`: the report keeps the model the rules read
    (the language server navigates with it)."""
    # Linting a big file allocates hundreds of thousands of objects that live until the end
    # (element proxies, references): Python's cyclic collector would traverse them again and
    # again (~80 ms on 20 MB). Pause it for one file; garbage cycles are collected afterwards.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _lint_parsed_bytes(path, data, settings, keep_model)
    except Exception as exc:  # e.g. a parser or model bug on one odd file: a finding, never a crash
        message = f"dmlint failed on this file: {exc.__class__.__name__}: {exc}"
        return FileReport(path, FindingMaker(path, settings.for_path(path)).engine("INT001", 1, 1, message))
    finally:
        if paused:
            gc.enable()


def _lint_parsed_bytes(path: str, data: bytes, settings: LintSettings, keep_model: bool = False) -> FileReport:
    settings = settings.for_path(path)
    parsed = parse(path, data)
    if isinstance(parsed, SyntaxProblem):
        maker = FindingMaker(path, settings)
        if not data.strip() or not has_element(data):
            # An empty file is not a protocol; say so rather than "Document is empty" noise. The
            # official validator calls a file without any element a protocol without its
            # <Protocol> tag (1.1.1).
            return FileReport(path, maker.engine("XML001", 1, 1, "file is empty: no <Protocol> element",
                                                 official="1.1.1"))
        return FileReport(path, maker.engine("XML001", parsed.line, parsed.column, f"malformed XML: {parsed.message}",
                                             official=""))
    root_name = local_name(parsed.root.tag)
    if root_name != "Protocol":
        return FileReport(path, skipped=not_a_protocol(parsed.root))
    found, model = rules_and_model(parsed, settings)
    findings, suppressed = apply_suppressions(parsed, found, settings)
    return FileReport(path, findings, document=parsed, suppressed=suppressed, model=model if keep_model else None)


_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def has_element(data: bytes) -> bool:
    """Whether the bytes hold anything besides a byte-order mark, an XML declaration, processing
    instructions, comments and whitespace (an element, or text that is no XML at all)."""
    position = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    while position < len(data):
        match = _PROLOG_ITEM.match(data, position)
        if match is None or match.end() == position:
            return True
        position = match.end()
    return False


def not_a_protocol(root) -> str:
    """Why a well-formed file is not linted: its root element (and namespace), with a hint
    when the root looks like a misspelt <Protocol>."""
    name = local_name(root.tag)
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else None
    where = f" in namespace {namespace}" if namespace else " (no namespace)"
    hint = ""
    if name.lower() == "protocol" or _close_to_protocol(name):
        hint = "; did you mean <Protocol>?"
    return f"not a protocol: the root element is <{name}>{where}, not <Protocol>{hint}"


def _close_to_protocol(name: str) -> bool:
    import difflib  # only for files that are not protocols

    return difflib.SequenceMatcher(None, name.lower(), "protocol").ratio() >= 0.75


def run_rules(document: Document, settings: LintSettings) -> list[Finding]:
    return rules_and_model(document, settings)[0]


def rules_and_model(document: Document, settings: LintSettings):
    """(findings, the model the rules read): the schema validates in a thread meanwhile."""
    from dmlint.model import build_model
    from dmlint.schema import start_schema_findings

    schema_results = start_schema_findings(document, settings)  # XSD001-XSD004, validated meanwhile
    model = build_model(document)
    model.schema_path = settings.schema  # rules that need Skyline's own lists (units) read them from it
    model.expected_provider = settings.expected_provider
    maker = FindingMaker(document.path, settings, document)
    findings: list[Finding] = []
    for rule in all_rules():
        if rule.code not in settings.selected or rule.reported_by_engine:
            continue
        check = rule.check  # imports the rule's module on first use
        if check is None:
            continue
        made, failures = _findings_of(maker, rule, check, model)
        findings.extend(made)
        for message in failures:
            findings.extend(maker.engine("INT001", 1, 1, message))
    schema_found = schema_results(findings)  # leaves out an attribute a rule already reported
    findings = _without_follow_ons(document, settings, findings, schema_found)
    findings.extend(schema_found)
    findings.sort(key=FINDING_ORDER)
    return findings, model


def _findings_of(maker: FindingMaker, rule, check, model) -> tuple[list[Finding], list[str]]:
    """A rule's findings, and why some are missing (INT001 messages; none when all went well).

    A rule that raises is reported as failing, and what it yielded before is kept: each
    problem stands on its own. A problem that cannot be made into a finding (a bug in the
    rule or in locating it) is left out and reported once for the rule, the same way; the
    rule's other findings, and every other rule's, are kept."""
    findings: list[Finding] = []
    failures: list[str] = []
    try:
        for problem in check(model):
            try:
                finding = maker.from_problem(rule, problem)
            except Exception as exc:
                if not failures:
                    failures.append(f"rule {rule.code} failed on this file: a finding could not be placed: "
                                    f"{exc.__class__.__name__}: {exc}")
                continue
            if finding is not None:
                findings.append(finding)
    except Exception as exc:  # a rule bug must not hide the other rules' findings
        failures.append(f"rule {rule.code} failed on this file: {exc.__class__.__name__}: {exc}")
    return findings, failures


def _without_follow_ons(document: Document, settings: LintSettings, findings: list[Finding],
                        schema_found) -> list[Finding]:
    """One mistake, one finding: leave out the rules' findings that only follow from a
    misspelling or a misplaced element the schema reported (XSD001).

    - A finding on an element inside an element reported as unexpected: the enclosing element
      is wrong, whatever its content says.
    - A finding that disappears once the misspelt names are corrected (`<Parms>` read as
      `<Params>`, `sav=` as `save=`): the rules are run again on a corrected copy of the tree,
      only for files with such a misspelling, and what they no longer report is left out.
    """
    unexpected = getattr(schema_found, "unexpected", ())
    renames = getattr(schema_found, "renames", ())
    if not findings or not (unexpected or renames):
        return findings
    if unexpected:
        wrong = set(unexpected)
        findings = [f for f in findings
                    if f.element is None or not any(a in wrong for a in f.element.iterancestors())]
    if renames:
        still = _findings_after_renames(document, settings, renames)
        if still is not None:
            findings = [f for f in findings if f.element is None or f.code not in still
                        or (f.element, f.message) in still[f.code]]
    return findings


def _findings_after_renames(document: Document, settings: LintSettings, renames) -> dict | None:
    """{code: {(element, message)}} the rules report once each misspelt element or attribute
    has the name the schema suggests (elements are the original tree's); None when that fails."""
    import copy

    try:
        fixed_root = copy.deepcopy(document.root)
        originals = list(document.root.iter())
        copies = list(fixed_root.iter())
        position = {element: index for index, element in enumerate(originals)}
        for element, attribute, name in renames:
            target = copies[position[element]]
            if attribute is None:
                namespace = target.tag[1:].partition("}")[0] if target.tag.startswith("{") else ""
                target.tag = f"{{{namespace}}}{name}" if namespace else name
            elif attribute in target.attrib and name not in target.attrib:
                target.set(name, target.attrib.pop(attribute))
        back = dict(zip(copies, originals, strict=True))
        from dmlint.model import build_model

        model = build_model(Document(document.path, document.data, fixed_root))
        still: dict[str, set] = {}
        for rule in all_rules():
            if rule.code not in settings.selected or rule.reported_by_engine or rule.check is None:
                continue
            found = still.setdefault(rule.code, set())
            for problem in rule.check(model):
                found.add((back.get(problem.element), problem.message))
        return still
    except Exception:  # keep every finding rather than lose one to a failed second look
        return None


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

    @property
    def fixed(self) -> int:
        return sum(report.fixed for report in self.reports)

    def fixable(self) -> tuple[int, int]:
        """(findings with a safe fix, findings with an unsafe one) among those reported."""
        safe = sum(1 for finding in self.findings if finding.fix is not None and finding.fix.safety == "safe")
        unsafe = sum(1 for finding in self.findings if finding.fix is not None and finding.fix.safety != "safe")
        return safe, unsafe

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def lint_paths(files: list[str], settings: LintSettings, jobs: int | None = 1, cache=None,
               before_linting=None) -> RunResult:
    """Lint files with up to `jobs` processes (None: one per CPU); reports sorted by path.

    With a cache, the files it holds come back first, without parsing; `before_linting()` is
    called once when at least one file has to be linted (the command line compiles the schema
    then, so a run that only reads the cache never loads it)."""
    from dmlint import __version__
    from dmlint.core.parallel import lint_many

    reports = []
    pending = files
    if cache is not None:
        pending = []
        for path in files:
            report = cached_report(path, settings, cache)
            if report is None:
                pending.append(path)
            else:
                report.cached = True
                reports.append(report)
    if pending and before_linting is not None:
        before_linting()
    reports += lint_many(pending, settings, jobs, cache) if pending else []
    reports.sort(key=lambda report: report.path)
    return RunResult(reports, __version__)
