"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; `tool.driver` lists every rule (id, name, descriptions, default level,
help, and helpUri, the rule's documentation page, when DMLINT_DOCS_URL says where the site is
served: see dmlint.docs); each result has ruleId/ruleIndex, level, message, a location relative to the
current directory (uriBaseId %SRCROOT%) and `partialFingerprints` built without line
numbers. With --show-suppressed, silenced findings carry an inSource `suppressions` entry.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from dmlint.core.registry import all_rules
from dmlint.docs import rule_url
from dmlint.formatters._common import artifact_uri, doc_section, fingerprints

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "dmlintFingerprint/v1"


def _rule_descriptor(rule) -> dict:
    full = doc_section(rule.doc, "What it does") or rule.summary
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "help": {"text": f"{rule.summary}. Run `dmlint rule {rule.code}` for the full explanation.",
                 "markdown": rule.doc},
        "properties": {"tags": ["dataminer", "protocol"]},
    }
    page = rule_url(rule.code)  # the rule's page on the documentation site, when its address is set
    if page:
        descriptor["helpUri"] = page
        descriptor["help"]["text"] = f"{rule.summary}. The full explanation: {page}"
    if rule.skyline:
        descriptor["properties"]["officialValidatorCodes"] = list(rule.skyline)
    return descriptor


def _result(finding, index: dict[str, int], fingerprint: str) -> dict:
    uri, relative = artifact_uri(finding.path)
    location = {"uri": uri}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    result = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": max(1, finding.line), "startColumn": max(1, finding.column)},
            },
        }],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.identity:
        result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": finding.identity, "kind": "element"}]
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "message": {"text": message},
             "physicalLocation": {"artifactLocation": location,
                                  "region": {"startLine": max(1, line), "startColumn": max(1, column)}}}
            for number, (line, column, message) in enumerate(finding.related, start=1)]
    if finding.suppression is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppression}]
    return result


def render(result, show_suppressed: bool = False, **_options) -> str:
    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    findings = list(result.findings)
    if show_suppressed:
        findings = sorted(findings + list(result.suppressed), key=lambda f: f.sort_key())
    prints = fingerprints(findings)
    run = {
        "tool": {"driver": {
            "name": "dmlint",
            "version": result.version,
            "semanticVersion": result.version,
            "rules": [_rule_descriptor(rule) for rule in rules],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index, fingerprint)
                    for finding, fingerprint in zip(findings, prints, strict=True)],
        "invocations": [{"executionSuccessful": True}],
    }
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False)
