"""dmlint's fixes against the official CodeFix tests (tests/codefix_suite.py; skipped without
../shared/conformance/official)."""

from __future__ import annotations

import pytest

import codefix_suite

pytestmark = pytest.mark.skipif(not codefix_suite.available(), reason="../shared/conformance/official is absent")

# Share of the CodeFix tests of checks dmlint covers whose fixed protocol equals upstream's.
TARGET = 0.90  # 116 of 124 agree; issue 17 asks 0.90 (the disagreements are listed in docs/fixes.md)


def test_codefix_agreement():
    results = codefix_suite.results()
    agreeing = sum(result.agree for result in results)
    print(f"\nCodeFix tests of covered checks agreeing: {agreeing}/{len(results)}")
    for result in results:
        if not result.agree:
            print(f"  DIFFERS {result.name}: {result.detail}")
    assert results and agreeing / len(results) >= TARGET
