"""The JSON report: a stable contract that CI and other tools read.

{"version", "files_checked", "findings": [{path, line, column, code, name,
severity, message, skyline}], "summary": {"error", "warning", "info"}}

With --show-suppressed, silenced findings are listed too, with "suppressed": true and
"suppression" (the comment); the summary counts only the others. With --baseline, a
"baseline" object says how many findings it hid and which entries are stale.
"""

from __future__ import annotations

from dmlint.core.problem import FINDING_ORDER
from dmlint.formatters._common import dumps_indented


def render(result, show_suppressed: bool = False, **_options) -> str:
    findings = result.findings
    if show_suppressed:  # silenced findings too, marked "suppressed": true
        findings = sorted(findings + result.suppressed, key=FINDING_ORDER)
    document = {
        "version": result.version,
        "files_checked": result.files_checked,
        "findings": [finding.to_json() for finding in findings],
        "summary": result.summary(),
    }
    if getattr(result, "baseline", None) is not None:
        document["baseline"] = result.baseline.to_json()
    return dumps_indented(document)
