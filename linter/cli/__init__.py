"""The `dmlint` command line: check, rules, rule."""

from __future__ import annotations

import json
import os
import sys

import click
from dmlint import __version__
from dmlint.core.engine import LintSettings, at_or_above, lint_paths
from dmlint.core.files import MissingPathError, discover
from dmlint.formatters import FORMATS
from dmlint.cli.integration import BaselineError, CheckRun, ConfigError, UsageError, integration_options
from dmlint.core.problem import SEVERITIES
from dmlint.core.registry import all_rules, find_rule
from dmlint.schema import SchemaLoadError, describe_rewrites, validation_note
from dmlint.schema import prepare as prepare_schema
from dmlint.core.selection import SelectionError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    """One line on stderr and exit 2: usage and configuration errors, never a traceback."""
    click.echo(f"dmlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


class _Commands(click.Group):
    """The command group; `live` and `serve` are imported only when asked for, so `check`
    does not load the handshake planner, urllib or signal handling at start-up."""

    lazy = {"live": "live", "serve": "serve"}  # command name -> attribute of dmlint.live.cli

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx, name):
        if name in self.lazy and name not in self.commands:
            from dmlint.live import cli as live_cli

            self.add_command(getattr(live_cli, self.lazy[name]), name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dmlint")
def cli() -> None:
    """Lint DataMiner protocol XML (WebSocket handshakes first)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only run these rules (codes or prefixes, comma-separated; ALL for every rule).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Do not run these rules (codes or prefixes).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1.  [default: warning]")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--no-snippet", is_flag=True, help="Text format: one line per finding, without the source line.")
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why.")
@integration_options  # --config --isolated --extend-select --output-file --statistics --show-suppressed
#                       --baseline --write-baseline --stdin-filename (dmlint.cli.integration)
@click.option("--schema", "schema_path", type=click.Path(dir_okay=False), default=None,
              help="Validate against this XSD (e.g. Skyline's protocol.xsd) instead of the bundled schema.")
@click.option("--no-schema", is_flag=True, help="Skip schema validation (XSD001-XSD004).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Lint files in N processes (default: one per CPU).")
def check(paths, output_format, select, ignore, fail_on, exit_zero, no_snippet, verbose, schema_path, no_schema,
          jobs, **integration):
    """Lint protocol files or directories (default: the current directory; `-`: standard input)."""
    try:
        run = CheckRun(paths, select, ignore, fail_on, **integration)
        selected = run.selected()
    except (SelectionError, ConfigError, UsageError) as exc:
        _fail(str(exc))
    options = run.settings_options()
    if schema_path:  # --schema wins over the configuration's `schema`
        options["schema"] = schema_path
    settings = LintSettings(selected=selected.rules, partial=selected.partial, schema_validation=not no_schema,
                            **options)
    try:  # compile the schema once, before any file; a schema that cannot be used is a usage error
        loaded = prepare_schema(settings)
    except SchemaLoadError as exc:
        _fail(str(exc))
    if verbose and loaded is not None:
        for line in describe_rewrites(loaded):
            click.echo(f"dmlint: {line}", err=True)
    if run.stdin:
        result = run.lint_stdin(settings)
    else:
        try:
            files = discover(list(paths) or ["."])
        except MissingPathError as exc:
            _fail(f"path does not exist: {exc}")
        result = lint_paths(files, settings, jobs=jobs)
    if verbose:
        for report in result.skipped:
            click.echo(f"dmlint: skipped {report.path}: {report.skipped}", err=True)
        for report in result.reports:  # files whose namespace changes schema validation
            note = validation_note(report.document.root) if loaded and report.document is not None else None
            if note:
                click.echo(f"dmlint: {report.path}: {note}", err=True)
    try:
        if run.apply_baseline(result):
            sys.exit(EXIT_OK)
        run.emit(run.render(output_format, result, snippet=not no_snippet, colour=_use_colour()))
    except (BaselineError, UsageError) as exc:
        _fail(str(exc))
    if exit_zero:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if at_or_above(result.findings, run.fail_on) else EXIT_OK)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
def list_rules(output_format):
    """List every rule with its code, name, severity and summary."""
    rules = all_rules()
    if output_format == "markdown":
        click.echo("| code | name | severity | what it reports | official |")
        click.echo("|---|---|---|---|---|")
        for r in rules:
            official = ", ".join(r.skyline) or "-"
            default = "" if r.enabled else " (off by default)"
            click.echo(f"| {r.code} | {r.name} | {r.severity}{default} | {r.summary} | {official} |")
        return
    if output_format == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
             "skyline": list(r.skyline), "enabled": r.enabled}
            for r in rules
        ], indent=2))
        return
    name_width = max(len(r.name) for r in rules)
    for r in rules:
        off = "" if r.enabled else "  (off by default)"
        click.echo(f"{r.code:<7} {r.name:<{name_width}}  {r.severity:<7}  {r.summary}{off}")


@cli.command("rule")
@click.argument("code")
def show_rule(code):
    """Print a rule's documentation (by code or name)."""
    found = find_rule(code)
    if found is None:
        known = [r.code for r in all_rules()] + [r.name for r in all_rules()]
        import difflib  # only for this hint: saves ~5 ms on every start-up

        close = difflib.get_close_matches(code, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        _fail(f"unknown rule: {code}{hint}; `dmlint rules` lists them")
    official = ", ".join(found.skyline) if found.skyline else "none"
    click.echo(f"{found.code} {found.name}")
    click.echo("")
    click.echo(found.summary + ".")
    click.echo("")
    click.echo(f"Default severity: {found.severity}")
    click.echo(f"Enabled by default: {'yes' if found.enabled else 'no'}")
    click.echo(f"Official validator codes: {official}")
    click.echo("")
    click.echo(found.doc)


def _exit_without_teardown(exc: SystemExit) -> None:
    """Flush the output and end the process at once: freeing a big parsed tree at
    interpreter shutdown costs as much as a third of parsing it, for nothing."""
    if exc.code is not None and not isinstance(exc.code, int):
        raise exc
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # e.g. the reader of a pipe went away; the exit code still matters
        pass
    os._exit(exc.code or 0)


def main() -> None:
    # Only the process's entry point (console script, `python -m dmlint`) may end the
    # process early; a test or a program calling main() gets its SystemExit as usual.
    entry_point = sys._getframe(1).f_globals.get("__name__") == "__main__"
    try:
        cli(standalone_mode=True)
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
