"""Which rules exist, read from a generated index so that only selected rules are imported.

A rule is a module `rules/<family>/<code>_<name>.py` that declares CODE, NAME,
SEVERITY, SUMMARY, optionally ENABLED (default True), OFFICIAL_SEVERITY (default
True: a finding with an official code takes that code's severity) and FIX ("safe" or
"unsafe": the fixes it offers, see dmlint.core.fixes) and SUBJECT (the local names
from the root to what it checks: where a problem it yields without an element is
placed), documents itself in its docstring (ruff's sections) and defines
`check(model)` yielding `Problem`s.
Codes the engine reports itself (XML001, IO001, INT001, SUP001, XSD00x) are modules
without `check`. The official codes a rule reports are not written in the rule: they
are its rows of the catalogue (`dmlint.catalogue`).

`rules/_index.py` lists every rule's metadata; `python tools/generate.py` rewrites
it from the modules and a test keeps it in sync. Importing a rule module (for its
`check` or its docs) happens on first use only.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from dmlint.core.problem import SEVERITIES

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RULES_PACKAGE = "dmlint.rules"


class RuleDefinitionError(Exception):
    pass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    enabled: bool
    module: str  # e.g. dmlint.rules.params.prm001_param_id_invalid
    official_severity: bool = True
    fix: str | None = None  # "safe" or "unsafe" when the rule offers fixes (FIX in its module)
    _loaded: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def family(self) -> str:
        """The folder under rules/ (params, http, websocket, ...)."""
        return self.module.split(".")[2]

    @property
    def skyline(self) -> tuple[str, ...]:
        """The official codes this rule reports (its rows of the catalogue)."""
        from dmlint import catalogue

        return catalogue.codes_of(self.code)

    def _module(self):
        module = self._loaded.get("module")
        if module is None:
            module = self._loaded["module"] = importlib.import_module(self.module)
        return module

    @property
    def reported_by_engine(self) -> bool:
        """IO001, XML001, INT001, SUP001: the engine reports them; their modules (documentation
        only, no check) need not be imported to run the rules."""
        return self.module.startswith(RULES_PACKAGE + ".engine.")

    @property
    def check(self) -> Callable | None:
        return getattr(self._module(), "check", None)

    @property
    def doc(self) -> str:
        return (self._module().__doc__ or "").strip()

    @property
    def subject(self) -> tuple[str, ...]:
        """The module's SUBJECT: local names from the root to the element the rule is about
        (e.g. ("Ports", "PortSettings")), read when a problem without an element needs a place."""
        return tuple(getattr(self._module(), "SUBJECT", ()))


def rule_from_module(module) -> Rule:
    """A Rule from an imported module, with its metadata checked (used to build the index)."""
    problems = []
    code, name, severity = getattr(module, "CODE", ""), getattr(module, "NAME", ""), getattr(module, "SEVERITY", "")
    if not CODE_PATTERN.match(code):
        problems.append(f"CODE {code!r} is not like ABC123")
    if not NAME_PATTERN.match(name):
        problems.append(f"NAME {name!r} is not kebab-case")
    if severity not in SEVERITIES:
        problems.append(f"SEVERITY {severity!r} is not one of {', '.join(SEVERITIES)}")
    if not (module.__doc__ or "").strip():
        problems.append("the module has no docstring")
    if hasattr(module, "SKYLINE"):
        problems.append("SKYLINE is gone: official codes are assigned in linter/catalogue/official.tsv")
    if problems:
        raise RuleDefinitionError(f"{module.__name__}: " + "; ".join(problems))
    fix = getattr(module, "FIX", None)
    if fix not in (None, "safe", "unsafe"):
        raise RuleDefinitionError(f"{module.__name__}: FIX must be 'safe', 'unsafe' or absent, not {fix!r}")
    rule = Rule(code, name, severity, module.SUMMARY, getattr(module, "ENABLED", True), module.__name__,
                getattr(module, "OFFICIAL_SEVERITY", True), fix)
    rule._loaded["module"] = module
    return rule


def discover_rules() -> tuple[Rule, ...]:
    """Import every rule module under dmlint.rules (slow: for the index generator and tests)."""
    package = importlib.import_module(RULES_PACKAGE)
    found: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.ispkg or info.name.rpartition(".")[2].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        if not hasattr(module, "CODE"):
            continue
        rule = rule_from_module(module)
        if rule.code in found:
            raise RuleDefinitionError(f"{rule.code} is declared by {found[rule.code].module} and {rule.module}")
        found[rule.code] = rule
    return tuple(sorted(found.values(), key=lambda r: r.code))


def index_source(rules: tuple[Rule, ...]) -> str:
    """The text of rules/_index.py for these rules."""
    lines = ['"""Every rule\'s metadata, so that only selected rules are imported.',
             "",
             "Generated by `python tools/generate.py` from the rule modules; do not edit.",
             '"""',
             "",
             "# code, name, severity, summary, enabled by default, module (under dmlint.rules), official severity,",
             "# fix (the safety of the fixes it offers, or None)",
             "RULES = ("]
    for rule in rules:
        module = rule.module.removeprefix(RULES_PACKAGE + ".")
        lines.append(f"    ({rule.code!r}, {rule.name!r}, {rule.severity!r}, {rule.summary!r}, {rule.enabled!r}, "
                     f"{module!r}, {rule.official_severity!r}, {rule.fix!r}),")
    lines.append(")")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code, from the index (no rule module is imported)."""
    from dmlint.rules._index import RULES

    return tuple(Rule(code, name, severity, summary, enabled, f"{RULES_PACKAGE}.{module}", official, fix)
                 for code, name, severity, summary, enabled, module, official, fix in RULES)


@lru_cache(maxsize=1)
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
