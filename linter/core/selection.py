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


def unknown_selector_hint(selector: str) -> str | None:
    """None when `selector` (a code, a prefix or ALL) selects at least one rule; otherwise the
    text to append to the "unknown code" message: " (did you mean WS010?)" or "".

    The one place that decides what a selector may be, so that --select/--ignore/--extend-select
    and the configuration's keys accept and reject the same things (newcomer branch: a hook for
    the selection rewrite to take over, e.g. for official codes such as 2.1).
    """
    codes = [rule.code for rule in all_rules()]
    selector = selector.strip().upper()
    if selector == "ALL" or any(code.startswith(selector) for code in codes):
        return None
    import difflib  # only for this hint

    prefixes = sorted({code.rstrip("0123456789") for code in codes})
    letters = selector.rstrip("0123456789O")
    letters = selector[:len(selector) - len(selector.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))] or letters
    candidate = letters + selector[len(letters):].replace("O", "0")  # WS01O -> WS010
    close = difflib.get_close_matches(candidate, codes + prefixes, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""
