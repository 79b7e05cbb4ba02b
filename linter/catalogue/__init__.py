"""The official validator's error codes, and which dmlint rule reports each one.

`official.tsv` (next to this file) has one row per official code: the facts of the
official catalogue (category, check, error name, severity, certainty, source, fix
impact, whether upstream has a code fix) plus two columns of dmlint's own:

- `rule`: the dmlint rule that reports this code (at most one: a claim is unique);
- `reason`: why no rule reports it (e.g. `csharp: ...`, `compare: ...`).

It is the only place official codes are assigned to rules: a rule's `skyline` codes,
the coverage page, `--select 2.1` and the reference sites all read it. Refresh the
official columns with `python tools/catalogue.py OFFICIAL.tsv`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

# How the official severities map onto dmlint's three levels.
SEVERITY_MAP = {"Critical": "error", "Major": "error", "Minor": "warning", "Warning": "warning"}

# Problem kinds of the reference and id machinery. An official error means a kind when its
# name fits the kind's shape (NonExistingId, NonExistingParam, EmptySessionTag, InvalidAttribute,
# UntrimmedTag, ...); sub-results (`..._Sub`) are never a kind of their own.
_KIND_SHAPES = {
    "missing": (("NonExisting",), ()),
    "empty": (("Empty",), ("Tag", "Attribute", "Attibute")),
    "invalid": (("Invalid",), ("Tag", "Attribute", "Value")),
    "untrimmed": (("Untrimmed",), ("Tag", "Attribute")),
    "absent": (("MissingAttribute", "MissingTag"), ()),
    "duplicate": (("DuplicatedId", "DuplicateId"), ()),
    "wrong_type": (("ReferencedParamWrongType",), ()),
}


def error_means(error_name: str, kind: str) -> bool:
    """Whether an official error name is a problem of this kind (see _KIND_SHAPES)."""
    starts, ends = _KIND_SHAPES[kind]
    if error_name.endswith("_Sub") or not error_name.startswith(starts):
        return False
    return not ends or error_name.endswith(ends)


@dataclass(frozen=True)
class OfficialCode:
    code: str  # "2.1.2"
    category: str  # "Param"
    namespace: str  # "Protocol.Params.Param"
    check_name: str  # "CheckIdAttribute"
    error_name: str  # "EmptyAttribute"
    severity: str  # Critical | Major | Minor | Warning ('' or BubbleUp: see the sub-results upstream)
    certainty: str
    source: str  # Validator | MajorChangeChecker
    fix_impact: str
    has_code_fix: bool
    rule: str  # the dmlint rule that reports it, or ''
    reason: str  # why no rule reports it, or ''

    @property
    def check(self) -> str:
        """'2.1.2' -> '2.1' (category.check)."""
        return self.code.rpartition(".")[0]

    @property
    def family(self) -> str:
        """The official check's folder, e.g. 'Params/Param/CheckIdAttribute'."""
        parts = self.namespace.split(".")[1:] + [self.check_name]
        return "/".join(parts)

    @property
    def dmlint_severity(self) -> str | None:
        return SEVERITY_MAP.get(self.severity)


def _path() -> str:
    return os.path.join(os.path.dirname(__file__), "official.tsv")


@lru_cache(maxsize=1)
def entries() -> dict[str, OfficialCode]:
    """Every official code, in numeric order."""
    with open(_path(), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    header = lines[0].split("\t")
    found: dict[str, OfficialCode] = {}
    for line in lines[1:]:
        values = dict(zip(header, line.split("\t"), strict=False))  # trailing empty cells may be cut
        values["has_code_fix"] = values.get("has_code_fix") == "True"
        entry = OfficialCode(**{name: values.get(name, "") for name in OfficialCode.__dataclass_fields__})
        found[entry.code] = entry
    return found


def get(code: str) -> OfficialCode | None:
    return entries().get(code)


@lru_cache(maxsize=1)
def _claims() -> dict[str, tuple[str, ...]]:
    claims: dict[str, list[str]] = {}
    for entry in entries().values():
        if entry.rule:
            claims.setdefault(entry.rule, []).append(entry.code)
    return {rule: tuple(codes) for rule, codes in claims.items()}


def codes_of(rule_code: str) -> tuple[str, ...]:
    """The official codes a dmlint rule reports (its `skyline`)."""
    return _claims().get(rule_code, ())


def is_official_selector(text: str) -> bool:
    """'2', '2.1' and '2.1.11' select by official code; 'PRM', 'WS004' and 'ALL' do not."""
    parts = text.split(".")
    return all(part.isascii() and part.isdigit() for part in parts) and 1 <= len(parts) <= 3


def matching(selector: str) -> list[OfficialCode]:
    """The official codes a selector names: a category ('2'), a check ('2.1') or one code."""
    if selector in entries():
        return [entries()[selector]]
    prefix = selector + "."
    return [entry for code, entry in entries().items() if code.startswith(prefix)]


def code_for(check: str, kind: str, error: str | None = None) -> str | None:
    """The code of one kind of problem (see _KIND_SHAPES) in an official check, e.g.
    code_for('3.2', 'missing') -> '3.2.4'; `error` names the error when a check has several
    of one kind. None when the check has no such error. Ambiguity is a ValueError (a test
    resolves every site of the model once, so it cannot reach users)."""
    found = [entry.code for entry in matching(check)
             if (entry.error_name == error if error else error_means(entry.error_name, kind))]
    if len(found) > 1:
        raise ValueError(f"{check} has several {kind} errors ({', '.join(found)}): name one")
    return found[0] if found else None
