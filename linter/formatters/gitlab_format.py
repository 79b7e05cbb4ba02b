"""GitLab Code Quality report (JSON array), one issue per finding.

Each issue has description, check_name, a unique fingerprint built without line
numbers, severity (error -> major, warning -> minor, info -> info) and a location
with the path relative to the current directory (the repository root in CI).
"""

from __future__ import annotations

from dmlint.formatters._common import PathNames, dumps_indented, fingerprints

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result, **_options) -> str:
    findings = result.findings
    names = PathNames()
    issues = [
        {
            "type": "issue",
            "description": f"{finding.code} {finding.message}",
            "check_name": finding.code,
            "categories": ["Bug Risk"],
            "fingerprint": fingerprint,
            "severity": SEVERITIES[finding.severity],
            "location": {"path": names.relative(finding.path), "lines": {"begin": finding.line}},
        }
        for finding, fingerprint in zip(findings, fingerprints(findings, names), strict=True)
    ]
    return dumps_indented(issues)
