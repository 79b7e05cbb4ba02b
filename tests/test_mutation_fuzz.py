"""The structure-aware mutation fuzzer (tests/mutation_fuzzer.py), at CI size, and its machinery.

The CI run lints a few hundred seeded mutants of the repository's fixtures and, when ../shared
is there, of the real protocols and official samples (files up to 60 KB, to stay within a
few seconds). Long runs: see docs/fuzzing.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import mutation_fuzzer as fuzzer
import pytest
from lxml import etree

from conftest import REPO

CI_COUNT = int(os.environ.get("DMLINT_MUTANTS", "300"))


@pytest.fixture(scope="module")
def seeds():
    return fuzzer.load_seeds(fuzzer.seed_paths(max_bytes=60_000))


def test_ci_sized_run_finds_no_failure(seeds):
    summary = fuzzer.fuzz(seeds, seed=10, numbers=range(CI_COUNT), slow=5.0)
    assert summary.mutants == CI_COUNT
    # Every class counts here, the 'ids' one too: dmlint.core.ids reads ids since issue 10 (a
    # number still read elsewhere is listed in tests/crashes/EXPECTED.json as xfail).
    assert summary.failures == {}, json.dumps(summary.failures, indent=2, ensure_ascii=False)


def test_mutants_are_reproducible_and_well_formed(seeds):
    for number in range(40):
        first = fuzzer.make_mutant(seeds, 7, number)
        assert fuzzer.make_mutant(seeds, 7, number) == first
        etree.fromstring(first[1], fuzzer.safe_parser())  # mutants are trees, not broken bytes
    assert fuzzer.make_mutant(seeds, 7, 1)[1] != fuzzer.make_mutant(seeds, 8, 1)[1]


def test_mutations_cover_the_hostile_values(seeds):
    """Over a few hundred mutants every kind of mutation and the nastiest values occur."""
    steps, texts = set(), []
    for number in range(400):
        _name, data, done = fuzzer.make_mutant(seeds, 3, number)
        steps.update(step.split(" ", 1)[0] for step in done)
        texts.append(data)
    joined = b"\n".join(texts)
    assert {"delete", "move", "duplicate", "swap", "rename", "set", "add", "namespace", "entity"} <= steps
    for value in (fuzzer.HUGE, "²", "-1", "dynamic ip"):
        assert value.encode() in joined, value
    assert b"<!DOCTYPE Protocol [<!ENTITY fuzz" in joined


def test_triage_knows_the_ids_class():
    huge = fuzzer.signature_of("rule PRM002", "ValueError: Exceeds the limit (4300 digits) for integer string "
                                              "conversion: value has 4301 digits")
    unicode_digit = fuzzer.signature_of("rule PRM008", "ValueError: invalid literal for int() with base 10: '²'")
    overflow = fuzzer.signature_of("rule TMR005", "OverflowError: cannot convert float infinity to integer")
    other = fuzzer.signature_of("rule CON003", "AttributeError: 'NoneType' object has no attribute 'sourceline'")
    assert fuzzer.classify(huge) == fuzzer.classify(unicode_digit) == fuzzer.classify(overflow) == "ids"
    assert fuzzer.classify(other) is None
    # Numbers and quoted text are blanked: one bug, one class, whatever the value.
    assert fuzzer.signature_of("x", "KeyError: '12'") == fuzzer.signature_of("x", "KeyError: '13'")


def test_a_planted_crash_is_found_classified_and_minimized(seeds, monkeypatch):
    """A rule that reads ids with int() again is caught by a short run, reported as the
    known 'ids' class, and its reproducer shrinks to a few elements."""
    import types

    from dmlint.core import engine
    from dmlint.core.registry import all_rules

    def reads_ids_with_int(model):
        for element in model.root.iter("{*}Param"):
            raw = (element.get("id") or "").strip()
            if raw.isdigit():
                int(raw)  # the bug of issue 10: '²' passes isdigit(), and so do 4,301 digits
        return []

    def planted_rule(rule):
        module = types.ModuleType(rule.module)
        module.check = reads_ids_with_int
        planted = type(rule)(rule.code, rule.name, rule.severity, rule.summary, True, rule.module)
        planted._loaded["module"] = module
        return planted

    planted = [planted_rule(rule) if rule.code == "PRM001" else rule for rule in all_rules()]
    monkeypatch.setattr(engine, "all_rules", lambda: tuple(planted))
    summary = fuzzer.fuzz(seeds, seed=2, numbers=range(600))
    found = {signature: entry for signature, entry in summary.failures.items() if "PRM001" in signature}
    assert found, summary.failures
    assert {entry["class"] for entry in found.values()} == {"ids"}
    assert summary.new_failures(("ids",)) == {s: e for s, e in summary.failures.items() if s not in found}

    signature, entry = next(iter(found.items()))
    _name, data, _steps = fuzzer.make_mutant(seeds, 2, entry["first"])
    linter = fuzzer.Linter()
    small = fuzzer.minimize(data, lambda candidate: linter.run(candidate).signature == signature, budget=30)
    assert linter.run(small).signature == signature
    assert len(small) < max(400, len(data) // 4), small
    assert len(etree.fromstring(small).xpath("//*")) <= 3, small


def test_minimize_keeps_the_failure_and_drops_the_rest():
    data = (b"<Protocol><Name>n</Name><Params><Param id='1'><Type>read</Type></Param>"
            b"<Param id='x' save='true'><Name>bad</Name></Param></Params><Groups><Group id='1'/></Groups></Protocol>")

    def still_fails(candidate: bytes) -> bool:
        return b"id=\"x\"" in candidate

    small = fuzzer.minimize(data, still_fails)
    assert small == b'<Protocol><Params><Param id="x"/></Params></Protocol>'


def test_command_line_replay_and_short_run(tmp_path):
    script = REPO / "tests" / "mutation_fuzzer.py"
    replay = subprocess.run([sys.executable, str(script), "--replay", "5", "--no-shared"], capture_output=True,
                            timeout=60, check=False)
    assert replay.returncode == 0 and replay.stdout.startswith(b"<?xml")
    assert b"mutant 5 of seed 10" in replay.stderr
    run = subprocess.run([sys.executable, str(script), "--count", "40", "--no-shared", "--save", str(tmp_path)],
                         capture_output=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    assert report["mutants"] == 40 and report["new_failure_classes"] == 0
    assert not list(tmp_path.iterdir())  # nothing to minimize, nothing written
