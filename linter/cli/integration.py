"""What `dmlint check` needs to fit where authors work: config, stdin, baseline, output.

The check command stays short: it builds a `CheckRun` from its options, lets it find the
files and the settings of each (the closest configuration file above every file, as ruff
does), lints, lets it apply or write the baseline and emit the output. The options are added
to `check` by the `integration_options` decorator.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import click

from dmlint.core.baseline import Baseline, BaselineError, write_baseline
from dmlint.core.config import DEFAULT_EXCLUDE, Config, ConfigError, ConfigResolver, Glob, PathMatcher
from dmlint.core.engine import LintSettings
from dmlint.core.files import Discovery, walk
from dmlint.core.selection import NOT_CHECKED_CODES, Layer, SelectionError, resolve, split_codes, validate
from dmlint.formatters import render
from dmlint.formatters._statistics import render_statistics

__all__ = ["BaselineError", "CheckRun", "ConfigError", "SelectionError", "UsageError", "integration_options"]

STATISTICS_FORMATS = ("text", "json")
SUPPRESSED_FORMATS = ("text", "json", "sarif")
COMMAND_LINE = "command line"


class UsageError(Exception):
    """Options that do not go together; reported as a one-line error with exit 2."""


_OPTIONS = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="PATH",
                 help="Use this pyproject.toml or .dmlint.toml for every file instead of discovering "
                      "the closest one above each file."),
    click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
    click.option("--extend-select", multiple=True, metavar="CODES",
                 help="Run these rules in addition to the selected ones."),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="Leave out files and folders matching GLOB while walking directories (replaces the "
                      "configured and default exclusions; repeatable)."),
    click.option("--extend-exclude", multiple=True, metavar="GLOB",
                 help="Like --exclude, but in addition to the configured exclusions."),
    click.option("--force-exclude", is_flag=True,
                 help="Apply the exclusions to files named on the command line too (for hooks that pass "
                      "every changed file)."),
    click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), metavar="PATH",
                 help="Write the report to this file instead of standard output."),
    click.option("--statistics", is_flag=True,
                 help="Print how many findings each rule has instead of the findings (text or json)."),
    click.option("--show-suppressed", is_flag=True,
                 help="Also list findings silenced by inline comments, marked as suppressed (text, json, "
                      "sarif); they never change the exit code."),
    click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Hide the findings recorded in this baseline; report only new ones."),
    click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Record the current findings in this baseline file and exit 0."),
    click.option("--stdin-filename", metavar="PATH",
                 help="With `-` as the path: lint standard input as if it were this file (its "
                      "configuration, per-file-ignores and name in the output)."),
    click.option("--fix", is_flag=True,
                 help="Apply the fixes rules offer (safe ones; see --unsafe-fixes) and rewrite the files."),
    click.option("--unsafe-fixes", is_flag=True,
                 help="With --fix or --diff: also apply fixes that may change what the protocol does."),
    click.option("--diff", is_flag=True,
                 help="Print the fixes as a unified diff instead of writing them; exit 1 when there is one."),
    click.option("--show-settings", is_flag=True,
                 help="Print the settings that apply to the one PATH given, and the files they come "
                      "from; lint nothing."),
]


def integration_options(function):
    for option in reversed(_OPTIONS):
        function = option(function)
    return function


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


class CheckRun:
    def __init__(self, paths, select, ignore, fail_on, *, output_format="text", config_path=None, isolated=False,
                 extend_select=(), exclude=(), extend_exclude=(), force_exclude=False, output_file=None,
                 statistics=False, show_suppressed=False, baseline_path=None, write_baseline_path=None,
                 stdin_filename=None, show_settings=False, schema_path=None, no_schema=False, quiet=False,
                 fix=False, unsafe_fixes=False, diff=False):
        self.paths = tuple(paths)
        if fix and diff:
            raise UsageError("--fix writes the fixes and --diff only shows them: use one")
        if unsafe_fixes and not (fix or diff):
            raise UsageError("--unsafe-fixes needs --fix or --diff")
        self.fix_mode = "diff" if diff else "fix" if fix else None
        self.unsafe_fixes = unsafe_fixes
        self.stdin = self.paths == ("-",) or (not self.paths and stdin_filename is not None)
        if "-" in self.paths and not self.stdin:
            raise UsageError("`-` (standard input) cannot be combined with other paths")
        if stdin_filename is not None and not self.stdin:
            raise UsageError("--stdin-filename needs `-` as the only path")
        if statistics and output_format not in STATISTICS_FORMATS:
            raise UsageError(f"--statistics prints a table (text) or a list (json); it cannot be combined with "
                             f"--format {output_format}")
        if show_suppressed and output_format not in SUPPRESSED_FORMATS:
            raise UsageError(f"--show-suppressed works with --format text, json or sarif; {output_format} has no "
                             f"way to mark a finding as suppressed")
        if show_settings and (self.stdin and not stdin_filename or not self.stdin and len(self.paths) != 1):
            raise UsageError("--show-settings needs exactly one PATH (or `-` with --stdin-filename)")
        self.stdin_filename = stdin_filename
        self.output_format = output_format
        self.resolver = ConfigResolver(config_path, isolated)
        if select and not split_codes(select):
            raise UsageError("--select was given no rule code, so no rule would run (use --select ALL for "
                             "every rule)")
        self.cli_layer = Layer(select=validate(split_codes(select), "--select") if select else None,
                               extend_select=validate(split_codes(extend_select), "--extend-select"),
                               ignore=validate(split_codes(ignore), "--ignore"), source=COMMAND_LINE)
        self.cli_fail_on = fail_on
        cwd = os.getcwd()
        self.cli_exclude = [Glob(p, cwd, COMMAND_LINE) for p in exclude] if exclude else None
        self.cli_extend_exclude = [Glob(p, cwd, COMMAND_LINE) for p in extend_exclude]
        self.force_exclude = force_exclude
        self.output_file = output_file
        self.statistics = statistics
        self.show_suppressed = show_suppressed
        self.baseline_path = baseline_path
        self.write_baseline_path = write_baseline_path
        self.show_settings = show_settings
        self.schema_path = schema_path
        self.no_schema = no_schema
        self.quiet = quiet
        self._settings: dict[str, LintSettings] = {}
        self._matchers: dict[str, PathMatcher] = {}
        self.file_settings: dict[str, LintSettings] = {}
        self.discovery = Discovery()

    # -- settings ------------------------------------------------------------
    def layers(self, config: Config) -> list[Layer]:
        return [*config.layers, self.cli_layer]

    def settings_for(self, config: Config) -> LintSettings:
        """The LintSettings of every file that `config` governs (one object per configuration)."""
        key = config.key()
        if key not in self._settings:
            try:
                selection = resolve(self.layers(config))
            except SelectionError as exc:
                raise ConfigError(str(exc)) from None
            if not selection.rules - NOT_CHECKED_CODES:  # those only say a file could not be checked
                where = config.path or "the command line"
                raise ConfigError(f"{where}: the rule selection leaves no rule to run")
            schema = self.schema_path or config.schema  # --schema wins over the configuration's `schema`
            self._settings[key] = LintSettings(
                selected=selection.rules, partial=selection.partial, severity=dict(config.severity),
                per_file_ignores=config.per_file_matcher(),
                schema=schema, schema_validation=not self.no_schema,
                fail_on=self.cli_fail_on or config.fail_on or "warning",
                fix=self.fix_mode, unsafe_fixes=self.unsafe_fixes or config.unsafe_fixes,
                fixable=config.fixable, unfixable=config.unfixable, expected_provider=config.expected_provider)
        return self._settings[key]

    def exclusions(self, config: Config) -> list[Glob]:
        base = self.cli_exclude if self.cli_exclude is not None else config.exclusions()
        return base + self.cli_extend_exclude

    def _matcher(self, config: Config) -> PathMatcher:
        key = config.key()
        if key not in self._matchers:
            self._matchers[key] = PathMatcher(self.exclusions(config))
        return self._matchers[key]

    def excluded_by(self, path: str, is_dir: bool) -> list[Glob]:
        """The exclusion globs that leave `path` out, judged by the configuration of the folder
        holding it; for an explicit path (--force-exclude), its folders inside the project count too."""
        config = self.resolver.for_directory(os.path.dirname(os.path.abspath(path)))
        matcher = self._matcher(config)
        found = matcher.matching(path)
        if found:
            return found
        return []

    def _excluded(self, path: str, is_dir: bool) -> bool:
        return bool(self.excluded_by(path, is_dir))

    def _force_excluded(self, path: str, is_dir: bool) -> bool:
        """An explicit path is excluded when it, or a folder above it within its project, is."""
        absolute = os.path.abspath(path)
        cwd = os.getcwd()
        if is_dir and (cwd == absolute or cwd.startswith(absolute.rstrip(os.sep) + os.sep)):
            return False  # `.` or a folder above it: the place the user stands in is never excluded
        if self._excluded(path, is_dir):
            return True
        config = self.resolver.for_path(path)
        stop = os.path.abspath(config.root if config.path else os.getcwd())
        directory = os.path.dirname(absolute)
        while directory.startswith(stop + os.sep):
            if self._excluded(directory, True):
                return True
            directory = os.path.dirname(directory)
        return False

    def discover(self) -> Discovery:
        self.discovery = walk(list(self.paths) or ["."], excluded=self._excluded,
                              force_excluded=self._force_excluded if self.force_exclude else None)
        return self.discovery

    def top_settings(self, files) -> LintSettings:
        """Settings for the run: each file mapped to its own configuration's settings."""
        per_path = {}
        for path in files:
            per_path[path] = self.settings_for(self.resolver.for_path(path))
        default = self.settings_for(self.resolver.for_directory(os.getcwd()))
        self.file_settings = per_path
        if not per_path:
            return default
        return replace(next(iter(per_path.values())), per_path=per_path)

    def distinct_settings(self) -> list[LintSettings]:
        return list({id(s): s for s in self.file_settings.values()}.values())

    def stdin_settings(self) -> LintSettings:
        name = self.stdin_filename or "-"
        config = self.resolver.for_path(self.stdin_filename) if self.stdin_filename else \
            self.resolver.for_directory(os.getcwd())
        settings = self.settings_for(config)
        self.file_settings = {name: settings}
        return settings

    def settings_of_file(self, path: str) -> LintSettings:
        """The settings `check` lints one file with: its closest configuration's (per-file-ignores
        are applied when it is linted). For `dmlint server`, which lints one buffer at a time."""
        return self.settings_for(self.resolver.for_path(path))

    def is_excluded(self, path: str) -> bool:
        """Whether `check --force-exclude PATH` leaves this file out (an editor's open file is an
        explicit path, as a hook's is)."""
        return self._force_excluded(path, False)

    def fail_on_of(self, path: str) -> str:
        settings = self.file_settings.get(path)
        return settings.fail_on if settings is not None else (self.cli_fail_on or "warning")

    # -- reporting what applies ------------------------------------------------
    def config_lines(self) -> list[str]:
        """`-v`: which configuration each group of files was linted with."""
        groups: dict[str, list[str]] = {}
        configs: dict[str, Config] = {}
        for path in self.file_settings:
            config = self.resolver.for_path(path) if path != "-" else self.resolver.for_directory(os.getcwd())
            groups.setdefault(config.key(), []).append(path)
            configs[config.key()] = config
        lines = []
        for key, paths in groups.items():
            config = configs[key]
            shown = ", ".join(paths[:3]) + (f", and {len(paths) - 3} more" if len(paths) > 3 else "")
            lines.append(f"{describe_config(config)}: {_plural(len(paths), 'file')} ({shown})")
        return lines

    def settings_report(self) -> str:
        """--show-settings: what applies to the one path, and where each part comes from."""
        path = self.stdin_filename if self.stdin else self.paths[0]
        config = self.resolver.for_path(path)
        settings = self.settings_for(config)
        lines = [f"Settings for {path}"]
        if self.resolver.isolated:
            lines.append("  configuration:     none (--isolated)")
        elif config.path is None:
            lines.append("  configuration:     none found at or above this path (defaults)")
        else:
            lines.append(f"  configuration:     {config.path}")
            for source in config.sources[1:]:
                lines.append(f"    extends:         {source}")
        lines.append("  selection (applied in this order):")
        lines.append("    default:         every rule that is on by default")
        for layer in self.layers(config):
            parts = []
            if layer.select is not None:
                parts.append(f"select = {list(layer.select)}")
            if layer.extend_select:
                parts.append(f"extend-select = {list(layer.extend_select)}")
            if layer.ignore:
                parts.append(f"ignore = {list(layer.ignore)}")
            if parts:
                lines.append(f"    {layer.source}: {'; '.join(parts)}")
        ignored = settings.per_file_ignores.matches(path) if settings.per_file_ignores else []
        runs = sorted(settings.for_path(path).selected)
        for glob, selectors in ignored:
            lines.append(f"  per-file-ignores:  {glob.pattern!r} = {', '.join(selectors)} ({glob.source})")
        lines.append(f"  rules that run ({len(runs)}): {', '.join(runs)}")
        if settings.severity:
            origin = config.origins.get("severity", "?")
            shown = ", ".join(f"{code} = {value}" for code, value in sorted(settings.severity.items()))
            lines.append(f"  severity:          {shown} ({origin})")
        fail_on_origin = (COMMAND_LINE if self.cli_fail_on else config.origins.get("fail-on", "default"))
        lines.append(f"  fail-on:           {settings.fail_on} ({fail_on_origin})")
        if self.no_schema:
            lines.append("  schema:            none (--no-schema)")
        elif settings.schema:
            origin = COMMAND_LINE if self.schema_path else config.origins.get("schema", "?")
            lines.append(f"  schema:            {settings.schema} ({origin})")
        else:
            lines.append("  schema:            the bundled protocol-core.xsd (default)")
        exclusions = self.exclusions(config)
        lines.append("  exclude:           " + (", ".join(f"{g.pattern} ({g.source})" for g in exclusions) or "none"))
        hits = [g for g in exclusions if g in self.excluded_by(path, os.path.isdir(path))] if not self.stdin else []
        if hits:
            lines.append(f"  excluded:          yes, by {', '.join(g.pattern for g in hits)} (directory walks; "
                         f"explicit paths only with --force-exclude)")
        else:
            lines.append("  excluded:          no")
        return "\n".join(lines)

    # -- linting -------------------------------------------------------------
    def cache(self, option: str | None):
        """The findings cache of this run (dmlint.core.cache): --cache-dir, $DMLINT_CACHE_DIR, the
        `cache-dir` of the configuration governing the working directory, .dmlint_cache beside
        that configuration file, else the user cache folder."""
        from dmlint.core.cache import CACHE_DIR_NAME, Cache, user_cache_dir

        directory = option or os.environ.get("DMLINT_CACHE_DIR")
        if not directory:
            config = self.resolver.for_directory(os.getcwd())
            if config.cache_dir:
                directory = config.cache_dir
            elif config.path:
                directory = os.path.join(config.root, CACHE_DIR_NAME)
            else:
                directory = user_cache_dir()
        return Cache(os.path.abspath(directory))

    def lint_stdin(self, settings):
        from dmlint import __version__
        from dmlint.core.engine import RunResult, lint_bytes

        data = sys.stdin.buffer.read()
        name = self.stdin_filename or "-"
        if self.fix_mode:
            from dmlint.core import fixing

            outcome = fixing.fix_bytes(name, data, settings, lint_bytes)
            report = outcome.report
            report.fixed, report.unwritable = outcome.fixed, outcome.refused
            if self.fix_mode == "diff" and outcome.data != data:
                report.diff = fixing.unified_diff(name, outcome.original_text, outcome.data, data, report.document)
            self.fixed_stdin = outcome.data  # --fix on stdin prints the fixed protocol (as ruff does)
            return RunResult([report], __version__)
        return RunResult([lint_bytes(name, data, settings)], __version__)

    def apply_baseline(self, result) -> bool:
        """Write or apply the baseline. True when a baseline was written (the run ends there)."""
        if self.write_baseline_path:
            recorded, entries = write_baseline(self.write_baseline_path, result.findings)
            click.echo(f"dmlint: wrote {self.write_baseline_path}: {recorded} finding(s) in {entries} entr"
                       f"{'y' if entries == 1 else 'ies'}", err=True)
            return True
        if self.baseline_path:
            outcome = Baseline.load(self.baseline_path).apply(result)
            result.baseline = outcome
            stale = sum(entry["count"] for entry in outcome.stale)
            if stale and not self.quiet:
                click.echo(f"dmlint: {self.baseline_path}: {stale} baselined finding(s) no longer occur; run "
                           f"`dmlint check --write-baseline {self.baseline_path}` to drop them", err=True)
        return False

    # -- output --------------------------------------------------------------
    def render(self, output_format: str, result, **options) -> str:
        if self.fix_mode == "diff":
            return "".join(report.diff for report in result.reports if report.diff).rstrip("\n")
        if self.statistics:
            return render_statistics(result, as_json=output_format == "json")
        if self.output_file:
            options["colour"] = False
        if output_format == "text":
            options["summary"] = not self.quiet
        return render(output_format, result, show_suppressed=self.show_suppressed, **options)

    def emit(self, output: str) -> None:
        if not self.output_file:
            if output:
                click.echo(output)
            return
        try:
            os.makedirs(os.path.dirname(os.path.abspath(self.output_file)), exist_ok=True)
            with open(self.output_file, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(output + "\n")
        except OSError as exc:
            raise UsageError(f"cannot write {self.output_file}: {exc.strerror or exc}") from None


def describe_config(config: Config) -> str:
    if config.path is None:
        return "no configuration file (defaults)"
    extends = f" (extends {', '.join(config.sources[1:])})" if len(config.sources) > 1 else ""
    return f"settings from {config.path}{extends}"


__all__ += ["DEFAULT_EXCLUDE", "describe_config"]
