"""Human and editor output: `path:line:col: CODE [severity] message`, the source line, a summary."""

from __future__ import annotations

import click

SNIPPET_WIDTH = 160
COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _snippet(line: str, column: int) -> tuple[str, str]:
    """The source line (windowed around the column when very long) and a caret under the column."""
    start = 0
    if len(line) > SNIPPET_WIDTH:
        start = max(0, min(column - 1 - SNIPPET_WIDTH // 2, len(line) - SNIPPET_WIDTH))
        line = line[start:start + SNIPPET_WIDTH]
    before = line[: max(0, column - 1 - start)]
    caret = "".join("\t" if ch == "\t" else " " for ch in before) + "^"
    return line, caret


def render(result, snippet: bool = True, colour: bool = False, show_suppressed: bool = False, summary: bool = True,
           **_options) -> str:
    """The findings, then the summary. With show_suppressed, silenced findings are listed in
    place too, each line ending in `(suppressed: COMMENT)`; the summary does not count them."""
    lines = []
    findings = result.findings
    if show_suppressed:
        findings = sorted(findings + result.suppressed, key=lambda finding: finding.sort_key())
    for finding in findings:
        severity = finding.severity
        label = click.style(severity, fg=COLOURS[severity]) if colour else severity
        code = click.style(finding.code, bold=True) if colour else finding.code
        note = f" (suppressed: {' '.join(finding.suppression.split())})" if finding.suppression is not None else ""
        lines.append(f"{finding.path}:{finding.line}:{finding.column}: {code} [{label}] {finding.message}{note}")
        if snippet and finding.source_line.strip():
            source, caret = _snippet(finding.source_line, finding.column)
            lines.append(f"    {source}")
            lines.append(f"    {caret}")
    if summary:
        lines.append(summary_line(result, show_suppressed))
    return "\n".join(lines)


def summary_line(result, show_suppressed: bool = False) -> str:
    """`N findings (E errors, W warnings, I infos) in F files`, plus what was hidden."""
    counts = result.summary()
    line = (f"{_plural(len(result.findings), 'finding')} ({_plural(counts['error'], 'error')}, "
            f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'info')}) "
            f"in {_plural(result.files_checked, 'file')}")
    extra = []
    baseline = getattr(result, "baseline", None)
    if baseline is not None:
        extra.append(f"{baseline.hidden} hidden by the baseline {baseline.path}")
    if show_suppressed and result.suppressed:
        extra.append(f"{len(result.suppressed)} suppressed shown above")
    if getattr(result, "fixed", 0):
        extra.append(f"{result.fixed} fixed")
    safe, unsafe = result.fixable() if hasattr(result, "fixable") else (0, 0)
    if safe:
        extra.append(f"{safe} fixable with --fix")
    if unsafe:
        extra.append(f"{unsafe} more with --fix --unsafe-fixes")
    return line + ("; " + "; ".join(extra) if extra else "")
