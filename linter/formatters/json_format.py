"""The JSON report: a stable contract that CI and other tools read.

{"version", "files_checked", "findings": [{path, line, column, code, name,
severity, message, skyline}], "summary": {"error", "warning", "info"}}
"""

from __future__ import annotations

import json


def render(result, **_options) -> str:
    document = {
        "version": result.version,
        "files_checked": result.files_checked,
        "findings": [finding.to_json() for finding in result.findings],
        "summary": result.summary(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
