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


def render(result, snippet: bool = True, colour: bool = False, **_options) -> str:
    lines = []
    for finding in result.findings:
        severity = finding.severity
        label = click.style(severity, fg=COLOURS[severity]) if colour else severity
        code = click.style(finding.code, bold=True) if colour else finding.code
        lines.append(f"{finding.path}:{finding.line}:{finding.column}: {code} [{label}] {finding.message}")
        if snippet and finding.source_line.strip():
            source, caret = _snippet(finding.source_line, finding.column)
            lines.append(f"    {source}")
            lines.append(f"    {caret}")
    summary = result.summary()
    lines.append(
        f"{_plural(len(result.findings), 'finding')} ({_plural(summary['error'], 'error')}, "
        f"{_plural(summary['warning'], 'warning')}, {_plural(summary['info'], 'info')}) "
        f"in {_plural(result.files_checked, 'file')}"
    )
    return "\n".join(lines)
