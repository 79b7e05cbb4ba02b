"""The language server: pygls features over the linter, the navigation and the schema.

Linting. A change schedules a lint of the buffer after `debounce` milliseconds without
further changes; open and save lint at once. Lints run one at a time in a worker thread,
from a snapshot of the buffer (its text and version); a result whose version is no longer
the buffer's is dropped and the newest buffer is linted instead, so the newest buffer wins
and a slow lint never publishes over a newer one. A buffer that parses gives new navigation
data; one that does not (XML001) keeps the last good one.

Errors. Every handler is wrapped: an exception is logged on stderr with its traceback and
the client gets an empty answer (or, for a lint, an INT001 diagnostic), never a traceback.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from dmlint import __version__
from dmlint.core.engine import FileReport, lint_bytes
from dmlint.core.findings import FindingMaker
from dmlint.core.parser import LineIndex
from dmlint.core.problem import Finding
from dmlint.core.registry import rules_by_code
from dmlint.docs import docs_base_url, rule_page
from dmlint.server.navigation import Navigation, target_of
from dmlint.server.project import Project, ServerOptions
from dmlint.server.text import TextIndex, buffer_bytes, finding_span

log = logging.getLogger("dmlint.server")

SOURCE = "dmlint"
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}
ENCODINGS = {lsp.PositionEncodingKind.Utf8: "utf-8", lsp.PositionEncodingKind.Utf16: "utf-16",
             lsp.PositionEncodingKind.Utf32: "utf-32"}
RELATED_USES = 10  # other sites of a missing id listed with its diagnostic
SUPPRESS_REASON = "reason"  # the placeholder a suppression comment is written with
WATCHED = ("**/.dmlint.toml", "**/pyproject.toml")


@dataclass
class Buffer:
    """What the server knows about one open document."""

    uri: str
    path: str | None  # None: not a file (an untitled buffer)
    version: int | None = None  # of the last lint published
    text: str = ""  # the text of the last lint published
    positions: TextIndex | None = None  # over `text`
    findings: list[Finding] = field(default_factory=list)  # published, in order
    diagnostics: list[lsp.Diagnostic] = field(default_factory=list)  # the same, as sent
    navigation: Navigation | None = None  # from the last version that parsed
    settings: object | None = None  # the LintSettings of the last lint (for fixes)
    linting: bool = False  # a lint of this buffer is running
    timer: asyncio.TimerHandle | None = None


class DmlintLanguageServer(LanguageServer):
    def __init__(self):
        super().__init__("dmlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.project = Project()
        self.buffers: dict[str, Buffer] = {}
        # One lint at a time, off the event loop: requests are answered while a lint runs.
        self.linter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dmlint-lint")
        self._told: set[str] = set()  # messages shown once per session
        self._schema_lock = threading.Lock()
        self._warming: set = set()  # schemas whose help is built or being built
        self._collection: asyncio.Handle | None = None

    # -- settings -----------------------------------------------------------------------
    def apply_options(self, raw) -> None:
        options, warnings = ServerOptions.from_client(raw)
        for warning in warnings:
            self.tell(f"dmlint: {warning}", lsp.MessageType.Warning)
        self.project.reset(options)

    @property
    def encoding(self) -> str:
        try:
            return ENCODINGS.get(self.workspace.position_encoding, "utf-16")
        except Exception:  # not initialised yet
            return "utf-16"

    def tell(self, message: str, kind=lsp.MessageType.Info, once: bool = True) -> None:
        """A message for the user (window/showMessage), once per session unless `once` is False."""
        log.info(message)
        if once and message in self._told:
            return
        self._told.add(message)
        try:
            self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))
        except Exception:
            log.exception("cannot send a message to the client")

    # -- scheduling lints ---------------------------------------------------------------
    def schedule(self, uri: str, delay: float | None = None) -> None:
        buffer = self.buffers.get(uri)
        if buffer is None:
            return
        if buffer.timer is not None:
            buffer.timer.cancel()
        if delay is None:
            delay = self.project.options.debounce_ms / 1000
        loop = asyncio.get_running_loop()
        buffer.timer = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint(uri)))

    async def lint(self, uri: str) -> None:
        buffer = self.buffers.get(uri)
        if buffer is None:
            return
        buffer.timer = None
        if buffer.linting:  # the running lint starts the next one when it ends
            return
        try:
            document = self.workspace.get_text_document(uri)
        except Exception:
            return
        text, version = document.source, document.version
        started = time.perf_counter()
        buffer.linting = True
        loop = self._loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(self.linter, self.lint_snapshot, buffer, text, version)
        except Exception as exc:  # a bug outside the engine: say so on the buffer, details in the log
            log.exception("linting %s failed", uri)
            outcome = self.failed(buffer, text, version, exc)
        finally:
            buffer.linting = False
        if self.buffers.get(uri) is not buffer:  # closed meanwhile
            return
        current = self.workspace.get_text_document(uri)
        if current.version != version or current.source != text:
            self.schedule(uri, 0)  # the buffer changed while linting: lint the newest
            return
        if outcome is not None:
            self.publish(buffer, outcome)
            log.debug("%s version %s: %s, published after %.1f ms", uri, version,
                      ", ".join(f"{step} {ms:.1f} ms" for step, ms in outcome.timings.items()),
                      (time.perf_counter() - started) * 1000)
            if buffer.navigation is not None:  # the indexes navigation requests read, once sent
                loop.call_soon(_warm, buffer.navigation)
            self.warm_schema(buffer)
            self.collect_later()

    def lint_snapshot(self, buffer: Buffer, text: str, version) -> "Outcome":
        """Lint one snapshot (in the worker thread): the findings and their diagnostics."""
        began = time.perf_counter()
        positions = TextIndex(text, self.encoding)
        name = buffer.path or buffer.uri
        chosen = self.project.for_file(buffer.path)
        if chosen.error:
            self.tell_from_thread(f"dmlint: configuration error: {chosen.error} (linting with the defaults)")
        if chosen.settings is None:
            return Outcome(version, text, positions, [], [], None, excluded=True)
        settings = self._usable_schema(chosen.settings)
        timings = {"settings": (time.perf_counter() - began) * 1000}
        try:
            report = lint_bytes(name, buffer_bytes(text), settings, keep_model=True)
        except Exception as exc:  # a bug must not leave the buffer without an answer
            log.exception("dmlint failed on %s", name)
            message = f"dmlint failed on this buffer: {exc.__class__.__name__}: {exc}"
            report = FileReport(name, FindingMaker(name, settings).engine("INT001", 1, 1, message))
        timings["lint"] = (time.perf_counter() - began) * 1000 - timings["settings"]
        navigation = Navigation(report.model, self.encoding) if report.model is not None else None
        if navigation is not None:
            positions = navigation.positions  # the same text: one line table for both
        diagnostics = [self.diagnostic(buffer, finding, positions, report, navigation)
                       for finding in report.findings]
        timings["diagnostics"] = (time.perf_counter() - began) * 1000 - timings["lint"] - timings["settings"]
        return Outcome(version, text, positions, report.findings, diagnostics, navigation,
                       skipped=report.skipped, timings=timings, settings=settings.for_path(name))

    def failed(self, buffer: Buffer, text: str, version, exc: Exception) -> "Outcome":
        """What is published when linting a buffer failed outside the engine: one diagnostic
        saying so (the traceback is in the server's log, never sent)."""
        positions = TextIndex(text, self.encoding)
        message = (f"dmlint failed on this buffer: {exc.__class__.__name__}: {exc} "
                   f"(the server's log has the details)")
        finding = Finding(buffer.path or buffer.uri, 1, 1, "INT001", rules_by_code()["INT001"].name, "error", message)
        diagnostic = lsp.Diagnostic(range=_range(positions, 0, min(1, len(text))),
                                    severity=lsp.DiagnosticSeverity.Error, code="INT001", source=SOURCE,
                                    message=message)
        return Outcome(version, text, positions, [finding], [diagnostic], None)

    def tell_from_thread(self, message: str) -> None:
        loop = getattr(self, "_loop", None)
        if loop is not None:
            loop.call_soon_threadsafe(self.tell, message, lsp.MessageType.Error)

    def _usable_schema(self, settings):
        """The settings, without schema validation when their schema cannot be loaded (said once)."""
        from dmlint.schema import SchemaLoadError, prepare

        try:
            with self._schema_lock:
                prepare(settings)
            return settings
        except SchemaLoadError as exc:
            self.tell_from_thread(f"dmlint: {exc}; linting without schema validation")
            return replace(settings, schema_validation=False)

    def publish(self, buffer: Buffer, outcome: "Outcome") -> None:
        buffer.version, buffer.text, buffer.positions = outcome.version, outcome.text, outcome.positions
        buffer.findings, buffer.diagnostics = outcome.findings, outcome.diagnostics
        buffer.settings = outcome.settings
        if outcome.navigation is not None:
            buffer.navigation = outcome.navigation
        if outcome.excluded:
            log.info("%s is excluded by the configuration: not linted", buffer.uri)
        if outcome.skipped:
            log.info("%s: %s", buffer.uri, outcome.skipped)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=buffer.uri, version=outcome.version, diagnostics=outcome.diagnostics))

    # -- findings as diagnostics ----------------------------------------------------------
    def diagnostic(self, buffer: Buffer, finding: Finding, positions: TextIndex, report: FileReport,
                   navigation: Navigation | None) -> lsp.Diagnostic:
        start = positions.offset_of_line_column(finding.line, finding.column)
        span = finding_span(positions.text, start)
        related = [lsp.DiagnosticRelatedInformation(
            location=lsp.Location(uri=buffer.uri, range=_range(positions, *_point(positions, line, column))),
            message=note) for line, column, note in finding.related]
        related += self.other_uses(buffer, finding, report, navigation)
        base = self.project.options.docs_url or docs_base_url()
        if base and not base.endswith("/"):
            base += "/"
        return lsp.Diagnostic(
            range=_range(positions, *span),
            severity=SEVERITY.get(finding.severity, lsp.DiagnosticSeverity.Warning),
            code=finding.code,
            code_description=lsp.CodeDescription(href=base + rule_page(finding.code)) if base else None,
            source=SOURCE,
            message=finding.message,
            related_information=related or None,
            data={"official": finding.skyline[0] if finding.skyline else None, "name": finding.name},
        )

    def other_uses(self, buffer: Buffer, finding: Finding, report: FileReport,
                   navigation: Navigation | None) -> list[lsp.DiagnosticRelatedInformation]:
        """For a reference that names nothing: the other places that use the same id."""
        if navigation is None or finding.element is None:
            return []
        verdict = next((v for v in report.model.reference_verdicts.get(finding.code, ())
                        if v.kind == "missing" and v.reference.element is finding.element), None)
        if verdict is None:
            return []
        target = target_of(verdict.reference.site, verdict.reference.raw)
        if target is None:
            return []
        found = []
        for reference, span in navigation.references(target):
            if reference.element is finding.element:
                continue
            found.append(lsp.DiagnosticRelatedInformation(
                location=lsp.Location(uri=buffer.uri, range=_range(navigation.positions, *span)),
                message=f"{target.label} is also used here ({reference.site.label})"))
            if len(found) == RELATED_USES:
                break
        return found

    # -- helpers for requests -----------------------------------------------------------------
    def current(self, uri: str) -> Buffer | None:
        return self.buffers.get(uri)

    def findings_at(self, buffer: Buffer, position: lsp.Position) -> list[tuple[Finding, lsp.Diagnostic]]:
        point = (position.line, position.character)
        pairs = zip(buffer.findings, buffer.diagnostics, strict=True)
        return [(finding, diagnostic) for finding, diagnostic in pairs
                if _start(diagnostic.range) <= point <= _end(diagnostic.range)]

    def collect_later(self) -> None:
        """Run Python's cyclic garbage collector right after diagnostics are sent.

        A lint allocates a few hundred thousand objects (element proxies, references, spans),
        and the model holds reference cycles (a table and its columns point at each other and
        at the model), so each version's tree is freed only by a cyclic collection. With the
        collector on, it runs whenever allocations pile up, which is during the lint or between
        the lint and its diagnostics (10-20 ms there). The server runs with it off (`run`) and
        collects once per published lint, after the diagnostics are on their way."""
        if self._collection is None:
            self._collection = asyncio.get_running_loop().call_soon(self._collect)

    def _collect(self) -> None:
        self._collection = None
        gc.collect()

    # -- fixes ------------------------------------------------------------------------------
    def allowed_fix(self, buffer: Buffer, finding: Finding):
        """The finding's fix when the file's settings allow it (safety, fixable, unfixable), and
        when its offsets are in the buffer's text (they are in the linted document's)."""
        from dmlint.core.fixing import fixable

        if finding.fix is None or buffer.settings is None or buffer.navigation is None:
            return None
        if buffer.navigation.document.text != buffer.text or not fixable(finding, buffer.settings):
            return None
        return finding.fix

    def fix_all_edits(self, buffer: Buffer) -> list[lsp.TextEdit]:
        """Every allowed fix, linting again until nothing more is fixable (as --fix does), as
        edits of the buffer: the first round's own edits when one round did it all, else one
        edit spanning from the first to the last changed character."""
        from dmlint.core.fixes import apply
        from dmlint.core.fixing import MAX_ROUNDS, fixable

        settings, name = buffer.settings, buffer.path or buffer.uri
        fixes = [finding.fix for finding in buffer.findings if self.allowed_fix(buffer, finding) is not None]
        text, applied = apply(buffer.text, fixes)
        first_round = [edit for fix in applied for edit in fix.edits]
        rounds = 1
        while applied and rounds < MAX_ROUNDS:
            report = lint_bytes(name, buffer_bytes(text), settings)
            if report.document is None or report.document.text != text:
                break
            more = [finding.fix for finding in report.findings if fixable(finding, settings)]
            text, applied = apply(text, more) if more else (text, [])
            if applied:
                rounds += 1
        if text == buffer.text:
            return []
        if rounds == 1:
            return [lsp.TextEdit(range=_range(buffer.positions, edit.start, edit.end), new_text=edit.text)
                    for edit in first_round]
        prefix = 0
        limit = min(len(text), len(buffer.text))
        while prefix < limit and text[prefix] == buffer.text[prefix]:
            prefix += 1
        suffix = 0
        while (suffix < limit - prefix and text[len(text) - 1 - suffix] == buffer.text[len(buffer.text) - 1 - suffix]):
            suffix += 1
        return [lsp.TextEdit(range=_range(buffer.positions, prefix, len(buffer.text) - suffix),
                             new_text=text[prefix:len(text) - suffix])]

    def warm_schema(self, buffer: Buffer) -> None:
        """Build the buffer's schema help in the background (protocol.xsd takes about a second),
        so the first completion does not wait for it."""
        chosen = self.project.for_file(buffer.path)
        path = chosen.settings.schema if chosen.settings is not None else None
        if path in self._warming:
            return
        self._warming.add(path)

        def build():
            from dmlint.server.schema_help import SchemaHelp

            try:
                SchemaHelp.for_path(path)
            except Exception:
                log.exception("building the schema help failed")

        threading.Thread(target=build, name="dmlint-schema-help", daemon=True).start()

    def schema_for(self, buffer: Buffer):
        """The SchemaHelp of the schema this buffer is validated against (built once per schema)."""
        from dmlint.server.schema_help import SchemaHelp

        chosen = self.project.for_file(buffer.path)
        path = chosen.settings.schema if chosen.settings is not None else None
        return SchemaHelp.for_path(path)


class BufferDocument(TextDocument):
    """pygls's TextDocument, applying an incremental change by slicing the text at the change's
    offsets. pygls rebuilds the whole text line by line for every change: about 10 ms per
    keystroke on a 1 MB protocol, all of it before the lint can start."""

    def _apply_incremental_change(self, change: lsp.TextDocumentContentChangePartial) -> None:
        text = self._source or ""
        index = TextIndex(text, ENCODINGS.get(self._position_codec.encoding, "utf-16"), LineIndex(text))
        start = index.offset(change.range.start.line, change.range.start.character)
        end = max(start, index.offset(change.range.end.line, change.range.end.character))
        self._source = text[:start] + change.text + text[end:]


def use_buffer_documents(workspace) -> None:
    """Make the workspace create BufferDocuments for the documents opened from now on."""

    def create(doc_uri, source=None, version=None, language_id=None):
        return BufferDocument(doc_uri, source=source, version=version, language_id=language_id,
                              sync_kind=workspace._sync_kind, position_codec=workspace._position_codec)

    workspace._create_text_document = create


@dataclass
class Outcome:
    version: int | None
    text: str
    positions: TextIndex
    findings: list[Finding]
    diagnostics: list[lsp.Diagnostic]
    navigation: Navigation | None
    excluded: bool = False
    skipped: str | None = None
    timings: dict = field(default_factory=dict)  # step -> milliseconds (logged at debug level)
    settings: object | None = None  # the file's LintSettings (per-file-ignores applied)


def _warm(navigation: Navigation) -> None:
    try:
        navigation.warm()
    except Exception:
        log.exception("building the navigation indexes failed")


def _point(positions: TextIndex, line: int, column: int) -> tuple[int, int]:
    start = positions.offset_of_line_column(line, column)
    return finding_span(positions.text, start)


def _range(positions: TextIndex, start: int, end: int) -> lsp.Range:
    return lsp.Range(start=lsp.Position(*positions.position(start)), end=lsp.Position(*positions.position(end)))


def _start(range_: lsp.Range) -> tuple[int, int]:
    return range_.start.line, range_.start.character


def _end(range_: lsp.Range) -> tuple[int, int]:
    return range_.end.line, range_.end.character


server = DmlintLanguageServer()


def guarded(default=None):
    """Run a handler; on an exception, log it and answer `default`: the client never sees a traceback."""

    def wrap(handler):
        if asyncio.iscoroutinefunction(handler):
            @functools.wraps(handler)
            async def run_async(ls, params):
                try:
                    return await handler(ls, params)
                except Exception:
                    log.exception("%s failed", handler.__name__)
                    return default() if callable(default) else default
            return run_async

        @functools.wraps(handler)
        def run(ls, params):
            try:
                return handler(ls, params)
            except Exception:
                log.exception("%s failed", handler.__name__)
                return default() if callable(default) else default
        return run

    return wrap


# -- lifecycle ----------------------------------------------------------------------------------
@server.feature(lsp.INITIALIZE)
@guarded()
def initialize(ls: DmlintLanguageServer, params: lsp.InitializeParams):
    ls.apply_options(params.initialization_options)
    use_buffer_documents(ls.workspace)  # pygls has made the workspace before this handler


@server.feature(lsp.INITIALIZED)
@guarded()
def initialized(ls: DmlintLanguageServer, params: lsp.InitializedParams):
    ls._loop = asyncio.get_running_loop()
    watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        ls.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="dmlint-configuration", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]))]))


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
@guarded()
def did_change_configuration(ls: DmlintLanguageServer, params: lsp.DidChangeConfigurationParams):
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get("dmlint"), dict):
        ls.apply_options(settings["dmlint"])  # clients send every extension's section: read dmlint's
    elif isinstance(settings, dict) and settings and set(settings) <= set(ServerOptions.KEYS):
        ls.apply_options(settings)
    else:  # nothing for dmlint: keep the options, read the configuration files again
        ls.project.reset()
    for uri in list(ls.buffers):
        ls.schedule(uri, 0)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@guarded()
def did_change_watched_files(ls: DmlintLanguageServer, params: lsp.DidChangeWatchedFilesParams):
    ls.project.reset()
    for uri in list(ls.buffers):
        ls.schedule(uri, 0)


# -- documents ----------------------------------------------------------------------------------
@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
@guarded()
def did_open(ls: DmlintLanguageServer, params: lsp.DidOpenTextDocumentParams):
    uri = params.text_document.uri
    path = to_fs_path(uri) if uri.startswith("file:") else None
    ls.buffers[uri] = Buffer(uri, path)
    ls.schedule(uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
@guarded()
def did_change(ls: DmlintLanguageServer, params: lsp.DidChangeTextDocumentParams):
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
@guarded()
def did_save(ls: DmlintLanguageServer, params: lsp.DidSaveTextDocumentParams):
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
@guarded()
def did_close(ls: DmlintLanguageServer, params: lsp.DidCloseTextDocumentParams):
    buffer = ls.buffers.pop(params.text_document.uri, None)
    if buffer is not None and buffer.timer is not None:
        buffer.timer.cancel()
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


# -- hover --------------------------------------------------------------------------------------
@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@guarded()
def hover(ls: DmlintLanguageServer, params: lsp.HoverParams):
    buffer = ls.current(params.text_document.uri)
    if buffer is None:
        return None
    parts = []
    rules = rules_by_code()
    for finding, diagnostic in ls.findings_at(buffer, params.position):
        rule = rules.get(finding.code)
        summary = rule.summary if rule is not None else finding.message
        line = f"**{finding.code}** `{finding.name}`: {summary}"
        if finding.skyline:
            line += f" (official code {', '.join(finding.skyline)})"
        if diagnostic.code_description is not None:
            line += f" [documentation]({diagnostic.code_description.href})"
        parts.append(line)
    navigation = buffer.navigation
    if navigation is not None:
        offset = navigation.positions.offset(params.position.line, params.position.character)
        found = navigation.reference_at(offset)
        if found is not None:
            target = target_of(found[0].site, found[0].raw)
            if target is not None:
                parts.append(f"`{found[0].site.label}`: {navigation.describe(target)}")
    text = ls.workspace.get_text_document(buffer.uri).source
    help_ = ls.schema_for(buffer)
    if help_ is not None:
        offset = TextIndex(text, ls.encoding).offset(params.position.line, params.position.character)
        ancestors = navigation.ancestors_of_tag_at if navigation is not None and navigation.document.text == text \
            else None
        documentation = help_.documentation_at(text, offset, ancestors)
        if documentation:
            parts.append(documentation)
    if not parts:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


# -- code actions -------------------------------------------------------------------------------
FIX_ALL = "source.fixAll.dmlint"


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
@guarded(default=list)
def code_action(ls: DmlintLanguageServer, params: lsp.CodeActionParams):
    buffer = ls.current(params.text_document.uri)
    if buffer is None or buffer.positions is None:
        return []
    document = ls.workspace.get_text_document(buffer.uri)
    if document.version != buffer.version or document.source != buffer.text:
        return []  # the findings are of an older text; the client asks again after the next lint
    only = params.context.only
    quick = not only or any(kind == lsp.CodeActionKind.QuickFix or lsp.CodeActionKind.QuickFix.startswith(kind)
                            for kind in only)
    source = not only or any(FIX_ALL.startswith(kind) for kind in only)
    actions = []
    if quick:
        wanted = (_start(params.range), _end(params.range))
        for finding, diagnostic in zip(buffer.findings, buffer.diagnostics, strict=True):
            if _end(diagnostic.range) < wanted[0] or _start(diagnostic.range) > wanted[1]:
                continue
            fix = ls.allowed_fix(buffer, finding)
            if fix is not None:
                what = fix.message or "apply the rule's fix"
                actions.append(lsp.CodeAction(
                    title=f"Fix {finding.code}: {what}" + (" (unsafe)" if fix.safety != "safe" else ""),
                    kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=fix.safety == "safe",
                    edit=lsp.WorkspaceEdit(changes={buffer.uri: [
                        lsp.TextEdit(range=_range(buffer.positions, edit.start, edit.end), new_text=edit.text)
                        for edit in fix.edits]})))
            edit = suppression_edit(buffer, finding)
            if edit is not None:
                actions.append(lsp.CodeAction(
                    title=f"Suppress {finding.code} on this element (dmlint: disable-next)",
                    kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    edit=lsp.WorkspaceEdit(changes={buffer.uri: [edit]})))
    if source and any(ls.allowed_fix(buffer, finding) is not None for finding in buffer.findings):
        edits = ls.fix_all_edits(buffer)
        if edits:
            actions.append(lsp.CodeAction(title="Fix all dmlint findings that have a fix", kind=FIX_ALL,
                                          edit=lsp.WorkspaceEdit(changes={buffer.uri: edits})))
    return actions


def suppression_edit(buffer: Buffer, finding: Finding) -> lsp.TextEdit | None:
    """Insert `<!-- dmlint: disable-next=CODE reason -->` before the finding's element: on a
    line of its own above it (its indentation, the line's own line ending) when the element
    starts its line, else just before its start tag. Only the inserted characters change."""
    element = finding.element
    navigation = buffer.navigation
    if element is None or navigation is None or not isinstance(getattr(element, "tag", None), str):
        return None
    if navigation.document.text != buffer.text:
        return None
    positions = buffer.positions
    start = navigation.spans.start(element)
    line = positions.line_of(start)
    line_start = positions.span(line)[0]
    before = buffer.text[line_start:start]
    comment = f"<!-- dmlint: disable-next={finding.code} {SUPPRESS_REASON} -->"
    if before.strip() == "":
        at, new_text = line_start, before + comment + positions.line_ending(line)
    else:
        at, new_text = start, comment
    point = lsp.Position(*positions.position(at))
    return lsp.TextEdit(range=lsp.Range(start=point, end=point), new_text=new_text)


# -- navigation ---------------------------------------------------------------------------------
def _navigation_offset(ls, params):
    buffer = ls.current(params.text_document.uri)
    if buffer is None or buffer.navigation is None:
        return None, None
    navigation = buffer.navigation
    return navigation, navigation.positions.offset(params.position.line, params.position.character)


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
@guarded()
def definition(ls: DmlintLanguageServer, params: lsp.DefinitionParams):
    navigation, offset = _navigation_offset(ls, params)
    if navigation is None:
        return None
    found = navigation.reference_at(offset)
    if found is None:
        return None
    target = target_of(found[0].site, found[0].raw)
    if target is None:
        return None
    uri = params.text_document.uri
    return [lsp.Location(uri=uri, range=_range(navigation.positions, *navigation.definition_span(target, element)))
            for element in navigation.definitions(target)] or None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
@guarded()
def references(ls: DmlintLanguageServer, params: lsp.ReferenceParams):
    navigation, offset = _navigation_offset(ls, params)
    if navigation is None:
        return None
    target = navigation.target_at(offset)
    if target is None:
        return None
    uri = params.text_document.uri
    locations = []
    if params.context.include_declaration:
        locations += [lsp.Location(uri=uri, range=_range(navigation.positions,
                                                         *navigation.definition_span(target, element)))
                      for element in navigation.definitions(target)]
    locations += [lsp.Location(uri=uri, range=_range(navigation.positions, *span))
                  for _, span in navigation.references(target)]
    return locations


SYMBOL_KINDS = {"namespace": lsp.SymbolKind.Namespace, "variable": lsp.SymbolKind.Variable,
                "interface": lsp.SymbolKind.Interface, "module": lsp.SymbolKind.Module,
                "event": lsp.SymbolKind.Event, "method": lsp.SymbolKind.Method,
                "function": lsp.SymbolKind.Function, "struct": lsp.SymbolKind.Struct,
                "object": lsp.SymbolKind.Object}


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@guarded(default=list)
def document_symbol(ls: DmlintLanguageServer, params: lsp.DocumentSymbolParams):
    buffer = ls.current(params.text_document.uri)
    if buffer is None or buffer.navigation is None:
        return []
    positions = buffer.navigation.positions

    def convert(symbol):
        return lsp.DocumentSymbol(
            name=symbol.name, detail=symbol.detail, kind=SYMBOL_KINDS.get(symbol.kind, lsp.SymbolKind.Object),
            range=_range(positions, *symbol.span), selection_range=_range(positions, *symbol.selection),
            children=[convert(each) for each in symbol.children] or None)

    return [convert(symbol) for symbol in buffer.navigation.symbols()]


# -- completion ---------------------------------------------------------------------------------
COMPLETION_KINDS = {"element": lsp.CompletionItemKind.Class, "attribute": lsp.CompletionItemKind.Property,
                    "value": lsp.CompletionItemKind.EnumMember}


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["<", '"', "'"]))
@guarded()
def completion(ls: DmlintLanguageServer, params: lsp.CompletionParams):
    buffer = ls.current(params.text_document.uri)
    if buffer is None:
        return None
    help_ = ls.schema_for(buffer)
    if help_ is None:
        return None
    text = ls.workspace.get_text_document(buffer.uri).source
    positions = TextIndex(text, ls.encoding)
    offset = positions.offset(params.position.line, params.position.character)
    found = help_.complete(text, offset)
    if found is None:
        return None
    replace_range = _range(positions, found.start, offset)
    items = []
    for item in found.items:
        items.append(lsp.CompletionItem(
            label=item.label, kind=COMPLETION_KINDS.get(item.kind), detail=item.detail,
            documentation=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=item.documentation)
            if item.documentation else None,
            text_edit=lsp.TextEdit(range=replace_range, new_text=item.insert)))
    return lsp.CompletionList(is_incomplete=False, items=items)


def run(log_level: str = "warning") -> None:
    """Serve on standard input and output until the client says exit."""
    logging.basicConfig(level=getattr(logging, log_level.upper(), logging.WARNING),
                        format="dmlint server: %(levelname)s: %(message)s")
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    gc.disable()  # collected once per published lint instead (DmlintLanguageServer.collect_later)
    server.start_io()
