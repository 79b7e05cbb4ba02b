"""The catalogue of official codes is the one place codes are assigned to rules, and it is kept.

Each claim is unique (one `rule` cell per code), names a real rule, and every official code a
finding carries is one its rule claims; every reference site resolves its codes unambiguously
and is reported by the rule that claims them.
"""

from __future__ import annotations

import pytest

from dmlint import catalogue
from dmlint.core.engine import LintSettings, lint_file
from dmlint.core.registry import all_rules, rules_by_code
from dmlint.model.references import DEFAULT_OWNERS, REFERENCE_SITES

from conftest import shared_path
from harness import fixture_files

KINDS = ("missing", "empty", "invalid")
ALL = LintSettings(frozenset(rule.code for rule in all_rules()), schema_validation=False)


def test_every_claim_names_an_existing_rule_and_codes_are_unique():
    rules = rules_by_code()
    codes = list(catalogue.entries())
    assert len(codes) == len(set(codes))
    unknown = {entry.rule for entry in catalogue.entries().values() if entry.rule and entry.rule not in rules}
    assert not unknown, f"the catalogue assigns codes to rules that do not exist: {sorted(unknown)}"


def test_a_code_is_claimed_or_has_a_reason_not_both():
    both = [entry.code for entry in catalogue.entries().values() if entry.rule and entry.reason]
    assert not both, f"claimed codes with a reason: {both}"


@pytest.mark.parametrize("site", REFERENCE_SITES, ids=lambda site: site.name)
def test_reference_sites_resolve_their_codes_and_owners(site):
    for kind in KINDS:
        code = site.official(kind)  # raises when a check has several errors of the kind
        owner = site.owner(kind)
        if site.judged_by is not None:
            assert owner is None
            continue
        if code is None:
            assert owner == DEFAULT_OWNERS[kind]
        else:
            assert catalogue.get(code).rule == owner, f"{site.name} {kind}: {code} is not claimed by {owner}"
    if site.check is not None:
        assert catalogue.matching(site.check), f"{site.name}: no official check {site.check}"


def _check_claims(findings, where: str):
    rules = rules_by_code()
    for finding in findings:
        assert len(finding.skyline) <= 1, (where, finding.code, finding.skyline)
        for code in finding.skyline:
            assert code in rules[finding.code].skyline, f"{where}: {finding.code} emits {code}, which it does not claim"


def test_fixture_findings_carry_only_claimed_codes():
    for path in fixture_files():
        _check_claims(lint_file(str(path), ALL).findings, path.name)


def test_official_sample_findings_carry_only_claimed_codes():
    samples = shared_path("conformance", "official", "samples")
    for path in sorted(samples.glob("*.xml")):
        _check_claims(lint_file(str(path), ALL).findings, path.name)


def test_official_selectors_resolve_to_the_claiming_rules():
    from dmlint.core.selection import NOT_CHECKED_CODES, Layer, resolve

    claimed = [entry for entry in catalogue.entries().values() if entry.rule and entry.rule not in NOT_CHECKED_CODES]
    entry = claimed[0]
    selection = resolve([Layer(select=[entry.code])])
    assert selection.rules - NOT_CHECKED_CODES == {entry.rule}
    assert selection.allows(entry.rule, entry.code)
    other = next((code for code in rules_by_code()[entry.rule].skyline if code != entry.code), None)
    if other:
        assert not selection.allows(entry.rule, other)
