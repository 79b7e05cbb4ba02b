"""`--statistics`: how many findings each code has, instead of the findings."""

from __future__ import annotations

import json
from collections import Counter


def render_statistics(result, as_json: bool = False) -> str:
    counts = Counter(finding.code for finding in result.findings)
    first = {}
    for finding in result.findings:
        first.setdefault(finding.code, finding)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        return json.dumps([
            {"code": code, "name": first[code].name, "severity": first[code].severity, "count": count}
            for code, count in rows
        ], indent=2)
    if not rows:
        return "0 findings"
    width = max(len(str(count)) for _, count in rows)
    return "\n".join(f"{count:>{width}}  {code:<7} {first[code].severity:<7}  {first[code].name}"
                     for code, count in rows)
