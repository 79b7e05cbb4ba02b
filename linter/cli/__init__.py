"""The `dmlint` command line: check, rules, rule."""

from __future__ import annotations

import json
import os
import sys

import click

from dmlint import __version__
from dmlint.cli.integration import BaselineError, CheckRun, ConfigError, UsageError, integration_options
from dmlint.core.engine import at_or_above, lint_paths
from dmlint.core.problem import SEVERITIES
from dmlint.core.registry import all_rules, find_rule
from dmlint.core.selection import SelectionError
from dmlint.docs import rule_url
from dmlint.formatters import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    """One line on stderr and exit 2: usage and configuration errors, never a traceback."""
    click.echo(f"dmlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


class _Commands(click.Group):
    """The command group; `live`, `serve` and `server` are imported only when asked for, so
    `check` does not load the handshake planner, the language server, urllib or signal handling
    at start-up."""

    # command name -> (module, attribute) of its click command
    lazy = {"live": ("dmlint.live.cli", "live"), "serve": ("dmlint.live.cli", "serve"),
            "server": ("dmlint.server.cli", "server")}

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy})

    def format_commands(self, ctx, formatter):
        """The command list with each command's whole one-line summary (click cuts them at 45
        characters by default)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=200)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_command(self, ctx, name):
        if name in self.lazy and name not in self.commands:
            module, attribute = self.lazy[name]
            self.add_command(getattr(__import__(module, fromlist=[attribute]), attribute), name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dmlint")
def cli() -> None:
    """Lint DataMiner protocol XML (WebSocket handshakes first).

    \b
    Start with:
      dmlint check examples/        lint a folder (or files) of protocols
      dmlint rules                  every rule: code, name, severity
      dmlint rule WS007             one rule's documentation
      dmlint check --help           options, examples and exit codes
    """


CHECK_HELP = """Lint protocol files or directories (default: the current directory; `-`: standard input).

Every file is linted with the settings of the closest .dmlint.toml or pyproject.toml
[tool.dmlint] at or above it; `--show-settings FILE` prints what applies to FILE.

\b
Examples:
  dmlint check                                  lint every protocol under .
  dmlint check protocols/ --select WS,HTTP      only the WS and HTTP rules
  dmlint check p.xml --format json -o out.json  the JSON report, to a file
  dmlint check --format sarif . > dmlint.sarif  for GitHub code scanning
  dmlint check - --stdin-filename p.xml         an editor buffer on stdin
  dmlint check --show-settings p.xml            which settings apply, from where
  dmlint check --fix .                          apply the safe fixes, report what remains
  dmlint check --diff p.xml                     show the fixes as a diff, change nothing
  dmlint check --write-baseline b.json .        record today's findings...
  dmlint check --baseline b.json .              ...then report only new ones

\b
Exit codes:
  0  no finding at or above --fail-on (default: warning)
  1  findings at or above --fail-on
  2  usage or configuration error, a path that does not exist, or an internal error
"""


class _JobsType(click.ParamType):
    """-j N: a whole number of processes, 1 or more."""

    name = "N"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"expected a number of processes (1 or more), got {value!r}", param, ctx)
        if number < 1:
            self.fail(f"expected a number of processes (1 or more), got {number}", param, ctx)
        return number


@cli.command(help=CHECK_HELP, short_help="Lint protocol files or directories.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "--output-format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format (--output-format is the same option, as in ruff).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only run these rules (codes or prefixes, comma-separated; ALL for every rule).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Do not run these rules (codes or prefixes).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1.  [default: warning]")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--no-snippet", is_flag=True, help="Text format: one line per finding, without the source line.")
@click.option("-v", "--verbose", is_flag=True,
              help="Say which configuration applied to which files, which files were skipped and why.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print the findings and errors only: no summary line, no warnings.")
@integration_options  # --config --isolated --extend-select --exclude --extend-exclude --force-exclude
#                       --output-file --statistics --show-suppressed --baseline --write-baseline
#                       --stdin-filename --show-settings (dmlint.cli.integration)
@click.option("--schema", "schema_path", type=click.Path(dir_okay=False), default=None,
              help="Validate against this XSD (e.g. Skyline's protocol.xsd) instead of the bundled schema.")
@click.option("--no-schema", is_flag=True, help="Skip schema validation (XSD001-XSD004).")
@click.option("-j", "--jobs", type=_JobsType(), default=None, metavar="N",
              help="Lint files in N processes (default: one per CPU).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the findings cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="PATH",
              help="Keep the findings cache here (default: .dmlint_cache beside the configuration file, "
                   "else the user cache folder; also $DMLINT_CACHE_DIR).")
def check(paths, output_format, select, ignore, fail_on, exit_zero, no_snippet, verbose, quiet, schema_path,
          no_schema, jobs, no_cache, cache_dir, **integration):
    def note(message: str) -> None:  # a warning: never with --quiet
        if not quiet:
            click.echo(f"dmlint: warning: {message}", err=True)

    try:
        run = CheckRun(paths, select, ignore, fail_on, output_format=output_format, schema_path=schema_path,
                       no_schema=no_schema, quiet=quiet, **integration)
        if run.show_settings:
            _echo(run.settings_report())
            sys.exit(EXIT_OK)
        if run.stdin:
            settings = run.stdin_settings()
            discovery = None
        else:
            discovery = run.discover()
            for missing in discovery.missing:  # reported now; the other paths are still linted
                click.echo(f"dmlint: error: path does not exist: {missing}", err=True)
            settings = run.top_settings(discovery.files)
        distinct = run.distinct_settings() or [settings]
    except (SelectionError, ConfigError, UsageError) as exc:
        _fail(str(exc))
    loaded_schemas = {}

    def prepare_schemas() -> None:
        """Compile each schema once, before the first file is linted (never when every file comes
        from the cache); a schema that cannot be used is a usage error."""
        from dmlint.schema import SchemaLoadError, describe_rewrites
        from dmlint.schema import prepare as prepare_schema

        try:
            for each in distinct:
                loaded = prepare_schema(each)
                if loaded is not None:
                    loaded_schemas[id(loaded)] = loaded
        except SchemaLoadError as exc:
            _fail(str(exc))
        if verbose:
            for loaded in loaded_schemas.values():
                for line in describe_rewrites(loaded):
                    click.echo(f"dmlint: {line}", err=True)

    cache = None if run.stdin or run.fix_mode or no_cache or os.environ.get("DMLINT_NO_CACHE") else \
        run.cache(cache_dir)
    if verbose:
        for line in run.config_lines():
            click.echo(f"dmlint: {line}", err=True)
        if discovery is not None:
            for path in discovery.excluded:
                click.echo(f"dmlint: excluded {path} (--force-exclude)", err=True)
        if cache is not None:
            click.echo(f"dmlint: cache: {cache.directory}", err=True)
    if cache is None:
        prepare_schemas()
    if run.stdin:
        result = run.lint_stdin(settings)
    else:
        result = lint_paths(discovery.files, settings, jobs=jobs, cache=cache,
                            before_linting=prepare_schemas if cache is not None else None)
        if verbose and cache is not None:
            hits = sum(1 for report in result.reports if report.cached)
            click.echo(f"dmlint: cache: {hits} of {len(result.reports)} file(s) unchanged", err=True)
    for report in result.reports:
        if report.unwritable:
            click.echo(f"dmlint: error: cannot fix {report.path}: {report.unwritable}", err=True)
    explicit = {run.stdin_filename or "-"} if run.stdin else discovery.explicit
    for report in result.skipped:
        if report.path in explicit:  # named by the user: never skipped silently
            note(f"{report.path}: {report.skipped}; not checked")
        elif verbose:
            click.echo(f"dmlint: skipped {report.path}: {report.skipped}", err=True)
    if verbose and (loaded_schemas or cache is not None):
        for report in result.reports:  # files whose namespace changes schema validation
            note_text = report.note
            if note_text is None and report.document is not None and loaded_schemas:
                from dmlint.schema import validation_note

                note_text = validation_note(report.document.root)
            if note_text:
                click.echo(f"dmlint: {report.path}: {note_text}", err=True)
    missing = bool(discovery and discovery.missing)
    if result.files_checked == 0 and not missing and not any(r.path in explicit for r in result.skipped):
        where = ", ".join(run.paths) if run.paths else "."
        note(f"no protocol files found in {where}")
    if missing and not result.reports:  # every path given was missing: nothing else to say
        sys.exit(EXIT_ERROR)
    if run.fix_mode == "fix" and run.stdin:  # the fixed protocol is the output, as with ruff
        sys.stdout.buffer.write(run.fixed_stdin)
        sys.stdout.flush()
        sys.exit(EXIT_OK)
    try:
        if run.apply_baseline(result):
            sys.exit(EXIT_ERROR if missing else EXIT_OK)
        _echo(run.render(output_format, result, snippet=not no_snippet, colour=_use_colour()), run)
    except (BaselineError, UsageError) as exc:
        _fail(str(exc))
    if missing:
        sys.exit(EXIT_ERROR)
    if exit_zero:
        sys.exit(EXIT_OK)
    if run.fix_mode == "diff":
        sys.exit(EXIT_FINDINGS if any(report.diff for report in result.reports) else EXIT_OK)
    failing = any(at_or_above(report.findings, run.fail_on_of(report.path)) for report in result.reports)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _echo(output: str, run=None) -> None:
    """Print the report; a reader that went away (`| head`) ends the output quietly, and the
    exit code still says what the findings say."""
    try:
        if run is not None:
            run.emit(output)
        elif output:
            click.echo(output)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@cli.command("clean")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="PATH",
              help="The cache to remove (default: the one `check` uses from this folder).")
def clean(cache_dir):
    """Remove the findings cache that `dmlint check` would use from here."""
    from dmlint.cli.integration import CheckRun
    from dmlint.core import cache as findings_cache

    try:
        directory = CheckRun((), (), (), None).cache(cache_dir).directory
        removed = findings_cache.clean(directory)
    except (ConfigError, OSError) as exc:
        _fail(str(exc))
    click.echo(f"dmlint: {'removed' if removed else 'no cache at'} {directory}", err=True)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="text: aligned columns; json: a list of objects; markdown: a table.")
def list_rules(output_format):
    """List every rule with its code, name, severity and summary.

    Rules marked "(off by default)" run only when selected (--select CODE, or ALL); rules
    marked [*] offer fixes (`dmlint check --fix`).
    """
    _echo(rules_listing(output_format))


def rules_listing(output_format: str) -> str:
    rules = all_rules()
    if output_format == "markdown":
        lines = ["| code | name | severity | what it reports | official |", "|---|---|---|---|---|"]
        for r in rules:
            official = ", ".join(r.skyline) or "-"
            default = "" if r.enabled else " (off by default)"
            lines.append(f"| {r.code} | {r.name} | {r.severity}{default} | {r.summary} | {official} |")
        return "\n".join(lines)
    if output_format == "json":
        return json.dumps([
            {"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
             "skyline": list(r.skyline), "enabled": r.enabled, "fix": r.fix}
            for r in rules
        ], indent=2)
    name_width = max(len(r.name) for r in rules)
    lines = []
    for r in rules:
        off = "" if r.enabled else "  (off by default)"
        fix = "[*]" if r.fix else "   "  # as in `ruff rule --all`: the rule offers fixes
        lines.append(f"{r.code:<7} {fix} {r.name:<{name_width}}  {r.severity:<7}  {r.summary}{off}")
    return "\n".join(lines)


@cli.command("rule")
@click.argument("code")
def show_rule(code):
    """Print a rule's documentation, by code (WS007) or name (handshake-response-unused).

    The same text is the rule's page on the documentation site (docs/rules/CODE.md).
    """
    from dmlint import catalogue

    if catalogue.is_official_selector(code.strip()):
        _echo(_official_codes(code.strip()))
        return
    found = find_rule(code)
    if found is None:
        known = [r.code for r in all_rules()] + [r.name for r in all_rules()]
        import difflib  # only for this hint: saves ~5 ms on every start-up

        close = difflib.get_close_matches(code, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        _fail(f"unknown rule: {code}{hint}; `dmlint rules` lists them")
    official = ", ".join(found.skyline) if found.skyline else "none"
    _echo("\n".join([
        f"{found.code} {found.name}", "", found.summary + ".", "",
        f"Default severity: {found.severity}",
        f"Enabled by default: {'yes' if found.enabled else 'no'}",
        f"Official validator codes: {official}",
        f"Documentation: {rule_url(found.code) or f'docs/rules/{found.code}.md (the site, rules/{found.code}/)'}", "",
        found.doc,
    ]))


def _official_codes(selector: str) -> str:
    """What `dmlint rule 2.1` / `dmlint rule 2.1.11` prints: each official code, the rule that
    reports it (or why none does); for one code, that rule's documentation too."""
    from dmlint import catalogue

    entries = catalogue.matching(selector)
    if not entries:
        _fail(f"unknown official code: {selector}; `dmlint rules` lists the rules and the codes they report")
    lines = []
    for entry in entries:
        who = entry.rule or f"not covered ({entry.reason or 'no rule yet'})"
        lines.append(f"{entry.code}  {entry.family} {entry.error_name} [{entry.severity or '-'}]: {who}")
    rules = {entry.rule for entry in entries if entry.rule}
    if len(entries) == 1 and rules:
        rule = find_rule(rules.pop())
        lines += ["", f"{rule.code} {rule.name}", "", rule.summary + ".", "", rule.doc]
    return "\n".join(lines)


def _exit_without_teardown(exc: SystemExit) -> None:
    """Flush the output and end the process at once: freeing a big parsed tree at
    interpreter shutdown costs as much as a third of parsing it, for nothing."""
    if exc.code is not None and not isinstance(exc.code, int):
        raise exc
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # the reader of a pipe went away, or the stream was closed
        pass  # (dmlint server closes stdout when the client says exit); the exit code still matters
    os._exit(exc.code or 0)


def _usage_message(exc: click.UsageError) -> str:
    """One line for click's usage errors, in dmlint's words (no usage block)."""
    import difflib  # errors only

    if isinstance(exc, click.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, sorted(exc.possibilities or []), n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return f"unknown option {exc.option_name}{hint}; see `{_command_path(exc)} --help`"
    if isinstance(exc, click.MissingParameter):
        kind = "argument" if isinstance(exc.param, click.Argument) else "option"
        name = exc.param.human_readable_name if exc.param is not None else "?"
        return f"missing {kind} {name}; see `{_command_path(exc)} --help`"
    if isinstance(exc, click.BadParameter):
        param = exc.param
        name = None
        if param is not None:
            opts = [opt for opt in getattr(param, "opts", []) if opt.startswith("-")]
            name = "/".join(opts) if opts else param.human_readable_name
        message = exc.message.rstrip(".")
        if param is not None and isinstance(param.type, click.Choice):
            got = message.split("'")[1] if "'" in message else message
            message = f"expected one of {', '.join(map(str, param.type.choices))}, got {got!r}"
        elif "is not a valid integer" in message:
            got = message.split("'")[1] if "'" in message else message
            message = f"expected a whole number, got {got!r}"
        return f"invalid value for {name or 'an option'}: {message}"
    message = exc.format_message()
    if message.startswith("No such command"):
        wanted = message.split("'")[1] if "'" in message else ""
        close = difflib.get_close_matches(wanted, cli.list_commands(exc.ctx) if exc.ctx else [], n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return f"unknown command {wanted!r}{hint}; `dmlint --help` lists them"
    return f"{message[:1].lower()}{message[1:].rstrip('.')}; see `{_command_path(exc)} --help`"


def _command_path(exc: click.ClickException) -> str:
    ctx = getattr(exc, "ctx", None)
    return ctx.command_path if ctx is not None else "dmlint"


def main() -> None:
    # Only the process's entry point (console script, `python -m dmlint`) may end the
    # process early; a test or a program calling main() gets its SystemExit as usual.
    entry_point = sys._getframe(1).f_globals.get("__name__") == "__main__"
    try:
        try:
            code = cli(standalone_mode=False)
        except click.UsageError as exc:  # one line, exit 2: no usage block
            _fail(_usage_message(exc))
        except click.ClickException as exc:
            _fail(exc.format_message())
        except click.Abort:
            click.echo("dmlint: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # the reader went away (`dmlint rules | head -1`): end quietly
            _silence_stdout()
            sys.exit(EXIT_OK)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except SystemExit as exc:
        if entry_point:
            _exit_without_teardown(exc)
        raise
    except KeyboardInterrupt:
        click.echo("dmlint: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the promise: a one-line error, never a traceback
        click.echo(f"dmlint: internal error: {exc.__class__.__name__}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
