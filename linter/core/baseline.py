"""Baselines: record today's findings, then report only new ones.

A baseline entry is keyed by the file (relative to the baseline's own directory, so the
baseline works from any current directory and on any machine), the rule code and the
element's stable identity (`dmlint.core.identity`), never a line number: inserting or moving
lines elsewhere does not invalidate it. Findings without an element (XML001, IO001)
are keyed by their message. Several findings with one key are counted.

    {"dmlint-baseline": 1,
     "entries": [{"path": "protocol.xml", "code": "WS006",
                  "identity": "Protocol/Params/Param[@id=8]", "count": 1,
                  "message": "..."}]}

`message` is informative only (the last one seen); it is not part of the key.
Entries that no longer match a finding, in files checked by this run, are stale.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field

from dmlint.core.identity import stable_message

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


def _relative(path: str, base_dir: str) -> str:
    """Relative to the baseline's directory (`../` allowed, so a repository stays portable)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, base_dir)
    except ValueError:  # another drive on Windows
        relative = absolute
    return relative.replace(os.sep, "/")


def finding_key(finding, base_dir: str) -> tuple[str, str, str]:
    identity = finding.identity if finding.identity else "message:" + stable_message(finding.message)
    return (_relative(finding.path, base_dir), finding.code, identity)


def write_baseline(baseline_path: str, findings) -> tuple[int, int]:
    """Write every finding to the baseline; returns (findings recorded, entries)."""
    base_dir = os.path.dirname(os.path.abspath(baseline_path))
    counts: Counter = Counter()
    messages: dict[tuple, str] = {}
    for finding in findings:
        key = finding_key(finding, base_dir)
        counts[key] += 1
        messages[key] = finding.message
    entries = [
        {"path": key[0], "code": key[1], "identity": key[2], "count": counts[key], "message": messages[key]}
        for key in sorted(counts)
    ]
    document = {"dmlint-baseline": FORMAT_VERSION, "entries": entries}
    try:
        os.makedirs(os.path.dirname(os.path.abspath(baseline_path)), exist_ok=True)
        with open(baseline_path, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(document, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot write baseline: {exc.strerror or exc}") from None
    return sum(counts.values()), len(entries)


@dataclass
class BaselineOutcome:
    """What applying a baseline did, for the output and the stderr note."""

    path: str
    hidden: int = 0
    stale: list[dict] = field(default_factory=list)  # {path, code, identity, count}

    def to_json(self) -> dict:
        return {"path": self.path, "hidden": self.hidden,
                "stale": sum(entry["count"] for entry in self.stale), "stale_entries": self.stale}


class Baseline:
    def __init__(self, path: str, counts: Counter):
        self.path = path
        self.base_dir = os.path.dirname(os.path.abspath(path))
        self.counts = counts

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, "rb") as handle:
                document = json.loads(handle.read().decode("utf-8"))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(f"{path}: not a dmlint baseline (invalid JSON: {exc})") from None
        if not isinstance(document, dict) or document.get("dmlint-baseline") != FORMAT_VERSION:
            raise BaselineError(f"{path}: not a dmlint baseline (no \"dmlint-baseline\": {FORMAT_VERSION})")
        counts: Counter = Counter()
        entries = document.get("entries")
        if not isinstance(entries, list):
            raise BaselineError(f"{path}: not a dmlint baseline (\"entries\" is not a list)")
        for number, entry in enumerate(entries):
            try:
                key = (str(entry["path"]), str(entry["code"]), str(entry["identity"]))
                count = int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{path}: entry {number} needs path, code, identity and count") from None
            counts[key] += max(count, 0)
        return cls(path, counts)

    def apply(self, result) -> BaselineOutcome:
        """Drop baselined findings from the result's reports; list stale entries of the files checked."""
        outcome = BaselineOutcome(self.path)
        remaining = Counter(self.counts)
        checked_paths = set()
        for report in result.reports:
            checked_paths.add(_relative(report.path, self.base_dir))
            kept = []
            for finding in report.findings:
                key = finding_key(finding, self.base_dir)
                if remaining[key] > 0:
                    remaining[key] -= 1
                    outcome.hidden += 1
                else:
                    kept.append(finding)
            report.findings = kept
        outcome.stale = [
            {"path": key[0], "code": key[1], "identity": key[2], "count": count}
            for key, count in sorted(remaining.items()) if count > 0 and key[0] in checked_paths
        ]
        return outcome
