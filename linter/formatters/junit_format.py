"""JUnit XML: a testsuite per checked file, a failing testcase per finding.

A file without findings gets one passing testcase, so CI dashboards count it.
"""

from __future__ import annotations

from lxml import etree

from dmlint.formatters._common import relative_path


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (a message may quote odd source bytes)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


def render(result, **_options) -> str:
    root = etree.Element("testsuites", name="dmlint")
    total = failures = 0
    for report in result.reports:
        if not report.checked:
            continue
        path = relative_path(report.path)
        suite = etree.SubElement(root, "testsuite", name=_clean(path))
        findings = report.findings
        if not findings:
            etree.SubElement(suite, "testcase", name="dmlint", classname=_clean(path))
        for finding in findings:
            case = etree.SubElement(suite, "testcase", classname=_clean(path),
                                    name=_clean(f"{finding.code} {finding.name} at {finding.line}:{finding.column}"),
                                    file=_clean(path), line=str(finding.line))
            failure = etree.SubElement(case, "failure", type=finding.code,
                                       message=_clean(f"{finding.code} [{finding.severity}] {finding.message}"))
            failure.text = _clean(f"{path}:{finding.line}:{finding.column}: {finding.code} "
                                  f"[{finding.severity}] {finding.message}")
        cases = max(1, len(findings))
        suite.set("tests", str(cases))
        suite.set("failures", str(len(findings)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += cases
        failures += len(findings)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8").rstrip()
