"""Which rules run, and which of their official codes: the one place selectors are expanded.

A selector is `ALL`, a rule code or prefix (`WS006`, `WS`, `PRM0`), or an official code
or prefix (`2`, `2.1`, `2.1.11`: a category, a check, one code). Selection works on
*units*: each official code a rule reports (its catalogue rows) plus the rule's
findings without an official code. A rule selector covers all units of its rules; an
official selector covers the units of its codes, so `--ignore 2.1.11` drops exactly
those findings and `--select 2.1` runs the Params id checks and reports only them.

As in ruff, the most specific selector decides, whichever list it is in; at equal
specificity `ignore` wins. Layers (the configuration file, then the command line)
apply in order: a layer's `select` starts over, `extend-select` and `ignore` adjust
what the previous layers chose. A selector that matches nothing is an error with a
suggestion, so typos never silently disable checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dmlint import catalogue
from dmlint.core.registry import Rule, all_rules

NO_CODE = ""  # the unit of a rule's findings that carry no official code


class SelectionError(ValueError):
    pass


@dataclass(frozen=True)
class Layer:
    """One source of selectors: the configuration file or the command line."""

    select: list[str] | None = None  # None: keep what earlier layers chose
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    source: str = "command line"  # or the configuration file's path, for messages

    def where(self, option: str) -> str:
        """How messages name one of the layer's lists: `--ignore` or `pyproject.toml: ignore`."""
        return f"--{option}" if self.source == "command line" else f"{self.source}: {option}"


@dataclass(frozen=True)
class Selection:
    rules: frozenset[str]  # the rules that run
    partial: dict[str, frozenset[str]] = field(default_factory=dict)  # rule -> units allowed, when not all

    def allows(self, rule_code: str, official: str | None) -> bool:
        """Whether a finding of this rule with this official code ('' or None: none) is reported."""
        if rule_code not in self.rules:
            return False
        units = self.partial.get(rule_code)
        return units is None or (official or NO_CODE) in units

    def without(self, selectors: list[str]) -> "Selection":
        """This selection with more selectors ignored (per-file-ignores)."""
        if not selectors:
            return self
        return resolve([Layer(ignore=selectors, source="per-file-ignores")], start=self)


def split_codes(values) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    codes: list[str] = []
    for value in values or ():
        codes.extend(part.strip().upper() for part in str(value).split(",") if part.strip())
    return codes


def _specificity(selector: str) -> tuple[int, int]:
    """How specific a selector is; the most specific one matching a unit decides."""
    if selector == "ALL":
        return 0, 0
    if catalogue.is_official_selector(selector):
        depth = selector.count(".")
        return (2, 0) if depth == 0 else (4, 0) if depth == 1 else (6, 0)
    letters = selector.rstrip("0123456789")
    if letters == selector:
        return 1, len(selector)  # a family prefix: PRM, P
    return (5, 0) if _is_rule_code(selector) else (3, len(selector))  # PRM0 < 2.1 < PRM001 < 2.1.11


def _is_rule_code(selector: str) -> bool:
    return any(rule.code == selector for rule in all_rules())


def _units(rule: Rule) -> tuple[str, ...]:
    return (*rule.skyline, NO_CODE)


def _matches(selector: str, rule: Rule, unit: str) -> bool:
    if selector == "ALL":
        return True
    if catalogue.is_official_selector(selector):
        return unit != NO_CODE and (unit == selector or unit.startswith(selector + "."))
    return rule.code.startswith(selector)


def _known(selector: str) -> bool:
    if selector == "ALL":
        return True
    if catalogue.is_official_selector(selector):
        return any(_matches(selector, rule, unit) for rule in all_rules() for unit in rule.skyline) or bool(
            catalogue.matching(selector))
    return any(rule.code.startswith(selector) for rule in all_rules())


def suggestion(selector: str) -> str:
    """' (did you mean WS010?)' for a selector close to a known code or prefix, else ''.
    A letter O typed for a zero is forgiven first (WS01O -> WS010)."""
    import difflib  # only for this hint: saves ~5 ms on every start-up

    codes = [rule.code for rule in all_rules()]
    known = codes + sorted({rule.prefix for rule in all_rules()})
    letters = selector[:len(selector) - len(selector.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
    candidate = letters + selector[len(letters):].replace("O", "0")
    if candidate != selector and _known(candidate):
        return f" (did you mean {candidate}?)"
    close = difflib.get_close_matches(candidate, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def unknown_selector_hint(selector: str) -> str | None:
    """None when a selector (a rule code or prefix, an official code or prefix, ALL) is known;
    otherwise the text to append to an "unknown code" message (a suggestion, or '')."""
    selector = selector.strip().upper()
    return None if _known(selector) else suggestion(selector)


def validate(selectors: list[str], where: str) -> list[str]:
    """The selectors, or a SelectionError naming the first unknown one (with a suggestion)."""
    for selector in selectors:
        if not _known(selector):
            kind = "official code" if catalogue.is_official_selector(selector) else "rule code or prefix"
            raise SelectionError(f"unknown {kind} in {where}: {selector}{suggestion(selector)}")
    return selectors


# Findings that say a file could not be checked at all (unreadable, malformed, a crash): a
# `select` keeps them, as ruff keeps syntax errors, so a narrow selection never turns a file
# dmlint could not read into a silent pass. Only an explicit ignore removes them.
NOT_CHECKED_CODES = frozenset({"IO001", "XML001", "INT001"})


def default_selection() -> Selection:
    return Selection(frozenset(rule.code for rule in all_rules() if rule.enabled))


def resolve(layers: list[Layer], start: Selection | None = None) -> Selection:
    """Apply the layers in order to the default selection (or `start`)."""
    current = start or default_selection()
    rules = all_rules()
    on = {(rule.code, unit) for rule in rules for unit in _units(rule) if current.allows(rule.code, unit)}
    for layer in layers:
        if layer.select is not None and not split_codes(layer.select):
            raise SelectionError(f"{layer.where('select')} selects no rule: name codes or prefixes, or ALL")
        selectors = [(s, True) for s in validate(split_codes(layer.select), layer.where("select"))]
        selectors += [(s, True) for s in validate(split_codes(layer.extend_select), layer.where("extend-select"))]
        selectors += [(s, False) for s in validate(split_codes(layer.ignore), layer.where("ignore"))]
        if layer.select is not None:  # a new selection; what says a file was not checked stays
            on = {item for item in on if item[0] in NOT_CHECKED_CODES}
        for rule in rules:
            for unit in _units(rule):
                best = None
                for selector, turn_on in selectors:
                    if _matches(selector, rule, unit):
                        rank = (_specificity(selector), not turn_on)  # ignore wins a tie
                        if best is None or rank > best[0]:
                            best = (rank, turn_on)
                if best is None:
                    continue
                if best[1]:  # a selector that reaches a rule turns it on, even one off by default
                    on.add((rule.code, unit))
                else:
                    on.discard((rule.code, unit))
    return _selection(on)


def _selection(on: set[tuple[str, str]]) -> Selection:
    by_rule: dict[str, set[str]] = {}
    for code, unit in on:
        by_rule.setdefault(code, set()).add(unit)
    partial = {}
    rules = {rule.code: rule for rule in all_rules()}
    for code, units in by_rule.items():
        if len(units) < len(_units(rules[code])):
            partial[code] = frozenset(units)
    return Selection(frozenset(by_rule), partial)


def expand(selectors: list[str], where: str = "configuration") -> frozenset[str]:
    """The rule codes a list of selectors names (severity tables): official selectors name the
    rules that report their codes."""
    codes = set()
    for selector in validate(split_codes(selectors), where):
        for rule in all_rules():
            if any(_matches(selector, rule, unit) for unit in _units(rule)):
                codes.add(rule.code)
    return frozenset(codes)


def select_rules(select=None, ignore=None, extend_select=None) -> frozenset[str]:
    """The rules one layer of selectors runs (a shortcut for callers that need no units)."""
    layer = Layer(select=list(select) if select else None, extend_select=list(extend_select or ()),
                  ignore=list(ignore or ()))
    return resolve([layer]).rules
