"""Which rules run: --select / --ignore with codes, prefixes or ALL (ruff's semantics)."""

from __future__ import annotations

from dmlint.core.registry import Rule, all_rules


class SelectionError(ValueError):
    pass


def split_codes(values) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    codes: list[str] = []
    for value in values or ():
        codes.extend(part.strip().upper() for part in str(value).split(",") if part.strip())
    return codes


def _matching(selector: str, rules: tuple[Rule, ...]) -> list[Rule]:
    if selector == "ALL":
        return list(rules)
    return [rule for rule in rules if rule.code.startswith(selector)]


def select_rules(select=None, ignore=None, extend_select=None) -> frozenset[str]:
    """Codes that run. Default: every rule enabled by default.

    An explicit selector also turns on rules that are off by default.
    A selector that matches no rule is an error, so typos do not silently disable checks.
    """
    rules = all_rules()
    chosen: set[str]
    if select:
        chosen = set()
        for selector in split_codes(select):
            matched = _matching(selector, rules)
            if not matched:
                raise SelectionError(f"unknown rule code or prefix in --select: {selector}")
            chosen.update(rule.code for rule in matched)
    else:
        chosen = {rule.code for rule in rules if rule.enabled}
    for selector in split_codes(extend_select):
        matched = _matching(selector, rules)
        if not matched:
            raise SelectionError(f"unknown rule code or prefix in extend-select: {selector}")
        chosen.update(rule.code for rule in matched)
    for selector in split_codes(ignore):
        matched = _matching(selector, rules)
        if not matched:
            raise SelectionError(f"unknown rule code or prefix in --ignore: {selector}")
        chosen.difference_update(rule.code for rule in matched)
    return frozenset(chosen)
