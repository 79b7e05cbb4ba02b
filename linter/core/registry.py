"""Discover rules: every module in `dmlint.rules` that declares a CODE is a rule.

A rule module declares CODE, NAME, SEVERITY, SUMMARY, optionally SKYLINE (the
official validator codes it matches), ENABLED (default True) and SUBJECT (the path
of local names from the root to what it checks), documents itself
in its docstring, and defines `check(model)` yielding `Problem`s. Codes the engine
reports itself (XML001, ...) are modules without `check`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from dmlint.core.problem import SEVERITIES

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    skyline: tuple[str, ...]
    enabled: bool
    check: Callable | None
    module: str
    # Local names from the root to the element the rule is about (e.g. ("Ports",)): where a
    # problem the rule yields without an element is placed (module SUBJECT; default: the root).
    subject: tuple[str, ...] = ()

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")


class RuleDefinitionError(Exception):
    pass


def _rule_from_module(module) -> Rule:
    code = module.CODE
    name = module.NAME
    severity = module.SEVERITY
    problems = []
    if not CODE_PATTERN.match(code):
        problems.append(f"CODE {code!r} is not like ABC123")
    if not NAME_PATTERN.match(name):
        problems.append(f"NAME {name!r} is not kebab-case")
    if severity not in SEVERITIES:
        problems.append(f"SEVERITY {severity!r} is not one of {', '.join(SEVERITIES)}")
    if not (module.__doc__ or "").strip():
        problems.append("the module has no docstring")
    if problems:
        raise RuleDefinitionError(f"{module.__name__}: " + "; ".join(problems))
    return Rule(
        code=code,
        name=name,
        severity=severity,
        summary=module.SUMMARY,
        doc=(module.__doc__ or "").strip(),
        skyline=tuple(getattr(module, "SKYLINE", ())),
        enabled=getattr(module, "ENABLED", True),
        check=getattr(module, "check", None),
        module=module.__name__,
        subject=tuple(getattr(module, "SUBJECT", ())),
    )


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    from dmlint import rules as package

    found: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.ispkg or info.name.rpartition(".")[2].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        if not hasattr(module, "CODE"):
            continue
        rule = _rule_from_module(module)
        if rule.code in found:
            raise RuleDefinitionError(f"{rule.code} is declared by {found[rule.code].module} and {rule.module}")
        found[rule.code] = rule
    return tuple(sorted(found.values(), key=lambda r: r.code))


def rules_by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


def find_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    for rule in all_rules():
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    return None


def rule(code: str) -> Rule:
    return rules_by_code()[code]
