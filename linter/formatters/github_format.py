"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=PATH,line=L,col=C,title=dmlint (CODE)::message

error -> error, warning -> warning, info -> notice. Property values and the
message are escaped as the runner expects (%, CR, LF; plus `:` and `,` in properties).
"""

from __future__ import annotations

from dmlint.formatters._common import PathNames

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result, **_options) -> str:
    lines = []
    names = PathNames()
    for finding in result.findings:
        properties = ",".join([
            f"file={escape_property(names.relative(finding.path))}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={escape_property(f'dmlint ({finding.code})')}",
        ])
        lines.append(f"::{COMMANDS[finding.severity]} {properties}::{escape_data(finding.message)}")
    return "\n".join(lines)
