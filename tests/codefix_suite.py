"""dmlint's fixes on the official validator's CodeFix tests (../shared/conformance/official).

Each test pairs an official invalid sample with the protocol the official code fix produces
for some official codes (`fix_codes`). A test counts for dmlint when dmlint reports every one
of those codes (the catalogue assigns them to rules); dmlint then runs those rules with
`--fix --unsafe-fixes` on a copy of the input, and the result is compared with the expected
protocol as parsed elements, attributes and texts (whitespace-only text ignored), as upstream
compares them.

Where upstream fixes sub-results (`fix_results` of level "sub": each wrongly cased page name
under one summary result), dmlint has one finding carrying them all (`related`), reported
under the summary's code: the summary codes of the input's expected results that hold those
sub-results are kept too, when the same rule claims them.

    python tests/codefix_suite.py            # how many agree, and which do not
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from conftest import SHARED  # noqa: E402

OFFICIAL = SHARED / "conformance" / "official"


@dataclass
class FixResult:
    entry: dict
    rules: frozenset[str]
    agree: bool
    detail: str

    @property
    def name(self) -> str:
        return Path(self.entry["output_file"]).name


def available() -> bool:
    return (OFFICIAL / "codefix.json").is_file()


def entries() -> list[dict]:
    found = json.loads((OFFICIAL / "codefix.json").read_text(encoding="utf-8"))
    return [entry for entry in found if not entry.get("ignored") and not entry.get("not_discovered_upstream")]


def canonical(data: bytes):
    """A comparable form of a protocol: tag, attributes, trimmed text and tail, children."""
    from lxml import etree

    from dmlint.core.parser import local_name, make_parser

    root = etree.fromstring(data, make_parser())

    def walk(element):
        if not isinstance(element.tag, str):
            return None
        kids = [walk(child) for child in element]
        return (local_name(element.tag), tuple(sorted((local_name(k), v) for k, v in element.attrib.items())),
                (element.text or "").strip(), tuple(kid for kid in kids if kid is not None))

    return walk(root)


def _first_difference(got, want, path="") -> str:
    if got == want:
        return ""
    if got is None or want is None or got[0] != want[0]:
        return f"{path}: element {got and got[0]} where {want and want[0]} is expected"
    here = f"{path}/{got[0]}"
    if got[1] != want[1]:
        return f"{here}: attributes {dict(got[1])} where {dict(want[1])} are expected"
    if got[2] != want[2]:
        return f"{here}: text {got[2]!r} where {want[2]!r} is expected"
    if len(got[3]) != len(want[3]):
        return f"{here}: {len(got[3])} children where {len(want[3])} are expected"
    for mine, theirs in zip(got[3], want[3], strict=True):
        found = _first_difference(mine, theirs, here)
        if found:
            return found
    return ""


@lru_cache(maxsize=1)
def _expected_results() -> dict[str, list[dict]]:
    manifest = json.loads((OFFICIAL / "manifest.json").read_text(encoding="utf-8"))
    return {sample["file"]: sample["expected"] for sample in manifest}


def _summary_codes(entry: dict, catalogue) -> set[str]:
    """Codes of the input's top-level results whose sub-results are fixed by this test (and
    whose rule is the sub-results' rule)."""
    subs = {result["code"] for result in entry.get("fix_results") or () if result.get("level") == "sub"}
    found = set()
    for result in _expected_results().get(entry["input_file"], ()):
        summary = catalogue.get(result["code"])
        for sub in result.get("sub_results") or ():
            claim = catalogue.get(sub["code"])
            if sub["code"] in subs and summary is not None and claim is not None and summary.rule == claim.rule:
                found.add(result["code"])
    return found


@lru_cache(maxsize=1)
def results() -> tuple[FixResult, ...]:
    from dmlint import catalogue
    from dmlint.core import fixing
    from dmlint.core.engine import LintSettings, lint_bytes

    found = []
    for entry in entries():
        claims = [catalogue.get(code) for code in entry["fix_codes"]]
        if not claims or any(claim is None or not claim.rule for claim in claims):
            continue  # dmlint does not report (all) these codes: not counted
        rules = frozenset(claim.rule for claim in claims)
        codes = set(entry["fix_codes"]) | _summary_codes(entry, catalogue)
        partial = {rule: frozenset(code for code in codes if catalogue.get(code).rule == rule) for rule in rules}
        # as the official tests run: a Skyline user, whose expected provider is Skyline's name
        settings = LintSettings(rules, partial=partial, schema_validation=False, fix="fix", unsafe_fixes=True,
                                expected_provider="Skyline Communications")
        data = (OFFICIAL / entry["input_file"]).read_bytes()
        outcome = fixing.fix_bytes(entry["input_file"], data, settings, lint_bytes)
        want = canonical((OFFICIAL / entry["output_file"]).read_bytes())
        got = canonical(outcome.data)
        detail = _first_difference(got, want)
        if not outcome.fixed and not detail:
            detail = "nothing was fixed"
        found.append(FixResult(entry, rules, not detail, detail or "agrees"))
    return tuple(found)


def main(argv: list[str]) -> int:
    if not available():
        print(f"{OFFICIAL} is not here", file=sys.stderr)
        return 2
    chosen = results()
    agreeing = sum(result.agree for result in chosen)
    print(f"{agreeing}/{len(chosen)} CodeFix tests of covered checks agree ({len(entries())} run upstream)")
    for result in chosen:
        if not result.agree:
            print(f"DIFFERS {result.name} ({', '.join(result.entry['fix_codes'])}; {', '.join(sorted(result.rules))}):"
                  f" {result.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
