"""What `dmlint check` needs to fit where authors work: config, stdin, baseline, output.

The check command stays short: it builds a `CheckRun` from its options, asks it for the
rule selection and settings, lints, lets it apply or write the baseline and emit the
output. The options are added to `check` by the `integration_options` decorator.
"""

from __future__ import annotations

import os
import sys

import click
from dmlint.core.baseline import Baseline, BaselineError, write_baseline
from dmlint.core.config import ConfigError, resolve_config
from dmlint.formatters import render
from dmlint.formatters._statistics import render_statistics
from dmlint.core.selection import Layer, Selection, SelectionError, resolve

__all__ = ["BaselineError", "CheckRun", "ConfigError", "SelectionError", "UsageError", "integration_options"]


class UsageError(Exception):
    """Options that do not go together; reported as a one-line error with exit 2."""


_OPTIONS = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="PATH",
                 help="Read settings from this pyproject.toml or .dmlint.toml instead of discovering one."),
    click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
    click.option("--extend-select", multiple=True, metavar="CODES",
                 help="Run these rules in addition to the selected ones."),
    click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), metavar="PATH",
                 help="Write the report to this file instead of standard output."),
    click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings."),
    click.option("--show-suppressed", is_flag=True,
                 help="JSON/SARIF: also list findings silenced by inline comments, marked as suppressed."),
    click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Hide the findings recorded in this baseline; report only new ones."),
    click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Record the current findings in this baseline file and exit 0."),
    click.option("--stdin-filename", metavar="PATH",
                 help="With `-` as the path: lint standard input as if it were this file."),
]


def integration_options(function):
    for option in reversed(_OPTIONS):
        function = option(function)
    return function


class CheckRun:
    def __init__(self, paths, select, ignore, fail_on, *, config_path=None, isolated=False, extend_select=(),
                 output_file=None, statistics=False, show_suppressed=False, baseline_path=None,
                 write_baseline_path=None, stdin_filename=None):
        self.paths = tuple(paths)
        self.stdin = self.paths == ("-",) or (not self.paths and stdin_filename is not None)
        if "-" in self.paths and not self.stdin:
            raise UsageError("`-` (standard input) cannot be combined with other paths")
        if stdin_filename is not None and not self.stdin:
            raise UsageError("--stdin-filename needs `-` as the only path")
        self.stdin_filename = stdin_filename
        self.config = resolve_config(self.paths, stdin_filename, config_path, isolated)
        self.cli_select, self.cli_ignore, self.cli_extend = select, ignore, extend_select
        self.fail_on = fail_on or self.config.fail_on or "warning"
        self.output_file = output_file
        self.statistics = statistics
        self.show_suppressed = show_suppressed
        self.baseline_path = baseline_path
        self.write_baseline_path = write_baseline_path

    # -- settings ------------------------------------------------------------
    def selected(self) -> Selection:
        """The configuration file's select, extend-select and ignore, then the command line's
        (a --select there starts over); within a layer the most specific selector wins (ruff)."""
        config = self.config
        layers = [Layer(config.select, config.extend_select, config.ignore, source=config.path or "configuration")]
        layers.append(Layer(list(self.cli_select) if self.cli_select else None, list(self.cli_extend or ()),
                            list(self.cli_ignore or ())))
        return resolve(layers)

    def settings_options(self) -> dict:
        """Keyword arguments for LintSettings besides `selected`."""
        return {"severity": dict(self.config.severity), "per_file_ignores": self.config.per_file_matcher(),
                "schema": self.config.schema}

    # -- linting -------------------------------------------------------------
    def lint_stdin(self, settings):
        from dmlint import __version__
        from dmlint.core.engine import RunResult, lint_bytes

        data = sys.stdin.buffer.read()
        return RunResult([lint_bytes(self.stdin_filename or "-", data, settings)], __version__)

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
            if stale:
                click.echo(f"dmlint: {self.baseline_path}: {stale} baselined finding(s) no longer occur; run "
                           f"`dmlint check --write-baseline {self.baseline_path}` to drop them", err=True)
        return False

    # -- output --------------------------------------------------------------
    def render(self, output_format: str, result, **options) -> str:
        if self.statistics:
            return render_statistics(result, as_json=output_format == "json")
        if self.output_file:
            options["colour"] = False
        return render(output_format, result, show_suppressed=self.show_suppressed, **options)

    def emit(self, output: str) -> None:
        if not self.output_file:
            click.echo(output)
            return
        try:
            os.makedirs(os.path.dirname(os.path.abspath(self.output_file)), exist_ok=True)
            with open(self.output_file, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(output + "\n")
        except OSError as exc:
            raise UsageError(f"cannot write {self.output_file}: {exc.strerror or exc}") from None
