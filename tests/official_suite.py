"""dmlint on the official validator's own test samples (../shared/conformance/official).

The fair comparison (the suite's README): upstream runs one check per sample and compares
the multiset of its top-level results; so for each sample we take the official codes of
dmlint's findings whose `category.check` is the sample's `check_code`, as a multiset, and
compare them with the expected codes. Upstream-ignored samples are not counted.

Run it as a script to see where dmlint stands, category by category:

    python tests/official_suite.py                  # agreement per category
    python tests/official_suite.py Params --failing  # every disagreeing Params sample
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # when run as a script
    sys.path.insert(0, str(HERE))

from conftest import SHARED  # noqa: E402

OFFICIAL = SHARED / "conformance" / "official"


@dataclass
class Result:
    sample: dict
    got: Counter
    want: Counter
    findings: list

    @property
    def name(self) -> str:
        return Path(self.sample["file"]).name

    @property
    def scope(self) -> str:
        return self.sample["scope"]

    @property
    def kind(self) -> str:
        return self.sample["kind"]

    @property
    def csharp(self) -> bool:
        return self.sample["csharp"]

    @property
    def agree(self) -> bool:
        return self.got == self.want


def available() -> bool:
    return (OFFICIAL / "manifest.json").is_file()


def manifest() -> list[dict]:
    return json.loads((OFFICIAL / "manifest.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def results() -> tuple[Result, ...]:
    """Every counted sample, linted once with every rule (schema validation off: XSD findings
    carry no official code). Skyline's schema is given as the user's `schema` when it is in
    ../shared: the official validator checks units against its uom.xsd, and so does dmlint
    when the user points it at that schema."""
    from dataclasses import replace

    from dmlint.core.engine import LintSettings, lint_file
    from dmlint.core.registry import all_rules

    skyline_xsd = SHARED / "skyline-xsd" / "protocol.xsd"
    settings = LintSettings(frozenset(rule.code for rule in all_rules()), schema_validation=False,
                            schema=str(skyline_xsd) if skyline_xsd.is_file() else None)
    # The official suite runs as a Skyline user unless a sample says otherwise: the expected
    # provider is then Skyline's own name (dmlint's `expected-provider` setting).
    skyline_user = replace(settings, expected_provider="Skyline Communications")
    found = []
    for sample in manifest():
        if sample.get("ignored_in_upstream"):
            continue
        chosen = skyline_user if sample.get("is_skyline_user", True) else settings
        report = lint_file(str(OFFICIAL / sample["file"]), chosen)
        prefix = sample["check_code"] + "."
        got = Counter(code for finding in report.findings for code in finding.skyline[:1] if code.startswith(prefix))
        want = Counter(expected["code"] for expected in sample["expected"])
        found.append(Result(sample, got, want, report.findings))
    return tuple(found)


def agreement(chosen) -> tuple[int, int]:
    chosen = list(chosen)
    return sum(result.agree for result in chosen), len(chosen)


def table(rows=None) -> list[tuple[str, str, int, int]]:
    """(scope, kind, agreeing, total) for every scope and kind, C# samples apart."""
    groups = defaultdict(list)
    for result in rows or results():
        scope = result.scope + (" (C#)" if result.csharp else "")
        groups[(scope, result.kind)].append(result)
    return [(scope, kind, *agreement(items)) for (scope, kind), items in sorted(groups.items())]


def main(argv: list[str]) -> int:
    if not available():
        print(f"{OFFICIAL} is not here", file=sys.stderr)
        return 2
    failing = "--failing" in argv
    scopes = [arg for arg in argv if not arg.startswith("--")]
    chosen = [result for result in results() if not scopes or result.scope in scopes]
    for scope, kind, agreeing, total in table(chosen):
        print(f"{scope:28} {kind:8} {agreeing:4}/{total:<4} {agreeing / total:6.1%}")
    if failing:
        for result in chosen:
            if not result.agree:
                print(f"DIFFERS {result.name} ({result.sample['family']}): got {sorted(result.got.elements())}, "
                      f"expected {sorted(result.want.elements())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
