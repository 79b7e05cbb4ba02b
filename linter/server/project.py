"""The settings of each open file, found exactly as `dmlint check` finds them.

The server keeps one `CheckRun` (dmlint.cli.integration) built from the client's options, as
the command line builds one from its flags: the closest `.dmlint.toml` or `pyproject.toml`
[tool.dmlint] above the file, `extend`, per-file-ignores, exclusions (an open file counts as a
path named explicitly with `--force-exclude`, as a pre-commit hook passes it), `schema`.

A configuration file may change while the server runs. Before each lint the configuration
files that could apply to the file (both names in every folder above it, and the files the
found one extends) are stat'ed; when any of them appeared, changed or went away, the CheckRun
is built anew, so the next lint reads the configuration again. That costs a few stat calls.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, replace

from dmlint.cli.integration import CheckRun, ConfigError, UsageError
from dmlint.core.config import CONFIG_NAMES
from dmlint.core.engine import LintSettings
from dmlint.core.selection import SelectionError

DEFAULT_DEBOUNCE_MS = 20


@dataclass
class ServerOptions:
    """What the client may set (initializationOptions, or the `dmlint` section of
    workspace/didChangeConfiguration); each is the `check` option of the same name."""

    configuration: str | None = None  # --config
    isolated: bool = False  # --isolated
    select: tuple[str, ...] = ()  # --select
    extend_select: tuple[str, ...] = ()  # --extend-select
    ignore: tuple[str, ...] = ()  # --ignore
    schema: str | None = None  # --schema (else the configuration's `schema`, else the bundled one)
    no_schema: bool = False  # --no-schema
    debounce_ms: int = DEFAULT_DEBOUNCE_MS  # how long typing must pause before a lint starts
    docs_url: str | None = None  # where the rules' pages are served (else DMLINT_DOCS_URL)

    KEYS = {"configuration": "configuration", "isolated": "isolated", "select": "select",
            "extendSelect": "extend_select", "ignore": "ignore", "schema": "schema", "noSchema": "no_schema",
            "debounce": "debounce_ms", "docsUrl": "docs_url"}

    @classmethod
    def from_client(cls, raw) -> tuple["ServerOptions", list[str]]:
        """Options from the client's JSON, and a warning for each key or value not understood."""
        options, warnings = cls(), []
        if raw is None:
            return options, warnings
        if not isinstance(raw, dict):
            return options, [f"settings should be an object, got {type(raw).__name__}"]
        if isinstance(raw.get("dmlint"), dict):  # {"dmlint": {...}} as editors nest them
            raw = raw["dmlint"]
        for key, value in raw.items():
            name = cls.KEYS.get(key)
            if name is None:
                warnings.append(f"unknown setting {key!r} (known: {', '.join(cls.KEYS)})")
                continue
            if value is None:
                continue
            current = getattr(options, name)
            if isinstance(current, bool):
                if not isinstance(value, bool):
                    warnings.append(f"setting {key!r} should be true or false")
                    continue
            elif isinstance(current, tuple):
                if isinstance(value, str):
                    value = (value,)
                if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                    warnings.append(f"setting {key!r} should be a list of rule codes")
                    continue
                value = tuple(value)
            elif isinstance(current, int):
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 5000:
                    warnings.append(f"setting {key!r} should be a number of milliseconds (0 to 5000)")
                    continue
                value = int(value)
            elif not isinstance(value, str):
                warnings.append(f"setting {key!r} should be a string")
                continue
            options = replace(options, **{name: value})
        return options, warnings


@dataclass
class FileSettings:
    settings: LintSettings | None  # None: the file is excluded
    error: str | None = None  # a configuration that cannot be used (the defaults were used instead)
    excluded: bool = False


@dataclass
class Project:
    options: ServerOptions = field(default_factory=ServerOptions)
    _run: CheckRun | None = None
    _fallback: CheckRun | None = None
    _stamps: dict = field(default_factory=dict)  # directory -> the stat stamp of its config candidates
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)  # lints and requests ask

    def check_run(self) -> CheckRun:
        """The CheckRun for the client's options (ConfigError, SelectionError or UsageError when
        they, or the --config file, cannot be used)."""
        if self._run is None:
            options = self.options
            self._run = CheckRun((), options.select, options.ignore, None, config_path=options.configuration,
                                 isolated=options.isolated, extend_select=options.extend_select,
                                 schema_path=options.schema, no_schema=options.no_schema)
        return self._run

    def reset(self, options: ServerOptions | None = None) -> None:
        with self._lock:
            if options is not None:
                self.options = options
            self._run = None
            self._stamps.clear()

    def for_file(self, path: str | None) -> FileSettings:
        """The settings `check` would lint this file with (path None: an unsaved, untitled
        buffer, linted with the configuration of the current directory)."""
        with self._lock:
            return self._for_file(path)

    def _for_file(self, path: str | None) -> FileSettings:
        self._refresh_if_changed(path)
        try:
            run = self.check_run()
            if path is None:
                return FileSettings(run.settings_for(run.resolver.for_directory(os.getcwd())))
            if run.is_excluded(path):
                return FileSettings(None, excluded=True)
            return FileSettings(run.settings_of_file(path))
        except (ConfigError, SelectionError, UsageError) as exc:
            return FileSettings(self._defaults(), error=str(exc))

    def _defaults(self) -> LintSettings:
        if self._fallback is None:
            self._fallback = CheckRun((), (), (), None, isolated=True)
        return self._fallback.settings_for(self._fallback.resolver.for_directory(os.getcwd()))

    # -- noticing configuration changes -------------------------------------------------
    def _refresh_if_changed(self, path: str | None) -> None:
        directory = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        stamp = _stamp(directory, self._extended_sources())
        if self._stamps.get(directory, stamp) != stamp:
            self._run = None
            self._stamps.clear()
        self._stamps[directory] = stamp

    def _extended_sources(self) -> tuple[str, ...]:
        if self._run is None:
            return ()
        sources = {source for config in self._run.resolver.configs() for source in config.sources}
        if self.options.configuration:
            sources.add(os.path.abspath(self.options.configuration))
        return tuple(sorted(sources))


def _stamp(directory: str, extra: tuple[str, ...]) -> tuple:
    """(size, mtime) of every configuration file that could apply in `directory`, or None."""
    stamps = []
    while True:
        for name in CONFIG_NAMES:
            stamps.append(_file_stamp(os.path.join(directory, name)))
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    stamps.extend(_file_stamp(path) for path in extra)
    return tuple(stamps)


def _file_stamp(path: str):
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
