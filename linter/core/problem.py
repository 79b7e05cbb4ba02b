"""What rules yield (`Problem`) and what dmlint reports (`Finding`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


# Not frozen: a frozen dataclass sets each field through object.__setattr__, three times the cost
# of making one, and a big file yields hundreds of thousands. Treat it as immutable all the same
# (hashable as before).
@dataclass(slots=True, unsafe_hash=True)
class Problem:
    """A rule's verdict on one element: the engine adds code, severity and position.

    `official` is the official validator's code of this problem ("2.1.2"); None takes the
    rule's only code when the catalogue gives the rule exactly one, "" means none. Every
    code a rule emits must be one of its rows in the catalogue (a test checks it)."""

    element: object
    message: str
    attribute: str | None = None  # point at this attribute rather than the tag
    official: str | None = None
    # Other places the problem involves, as (element, short message): the official validator's
    # sub-results (each duplicate of a duplicated id, ...), the elements of a cycle. A place may
    # also be a (line, column) pair (a construct inside the element's text, e.g. QAction C#).
    related: tuple = ()
    fix: object | None = None  # a dmlint.core.fixes.Fix the rule offers, or None
    # (line, column) of the finding when it is not the element's start tag or attribute: a
    # construct inside the element's text (the C# of a QAction). The element still identifies it.
    position: tuple[int, int] | None = None


@dataclass(slots=True)  # hundreds of thousands on a big file: no per-instance dict
class Finding:
    path: str
    line: int
    column: int
    code: str
    name: str
    severity: str
    message: str
    skyline: tuple[str, ...] = ()
    source_line: str = ""
    element: object | None = field(default=None, repr=False, compare=False)
    # Stable element path (dmlint.core.identity), never a line number. Given, or resolved from
    # `element` by `identities` (the document's dmlint.core.identity.Identities) on first read:
    # text and JSON output never need it, and it costs about a sixth of a big file's run.
    identity: str | None = None
    suppression: str | None = None  # the comment that silenced it (kept only for --show-suppressed)
    related: tuple = ()  # ((line, column, message), ...): other places the problem involves
    fix: object | None = field(default=None, repr=False, compare=False)  # dmlint.core.fixes.Fix
    identities: object | None = field(default=None, repr=False, compare=False)

    def detach(self) -> None:
        """Resolve the identity, then drop the lxml objects (to pickle or store the finding)."""
        self.identity  # noqa: B018 (resolves it)
        self.element = None

    def sort_key(self):
        return (self.path, self.line, self.column, self.code, self.message)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "skyline": list(self.skyline),
            **({"related": [{"line": line, "column": column, "message": message}
                            for line, column, message in self.related]} if self.related else {}),
            **({"fix": {"applicability": self.fix.safety, "message": self.fix.message}} if self.fix else {}),
            **({"suppressed": True, "suppression": self.suppression} if self.suppression is not None else {}),
        }


_IDENTITY_SLOT = Finding.identity  # the slot the dataclass made for the field


def _identity(finding: Finding) -> str | None:
    identity = _IDENTITY_SLOT.__get__(finding)
    if identity is None and finding.identities is not None:
        if finding.element is not None:
            identity = finding.identities(finding.element)
            _IDENTITY_SLOT.__set__(finding, identity)
        finding.identities = None
    return identity


# `finding.identity` reads the slot, resolving it on first read; `Finding(..., identity=...)` and
# assignments write the slot as before.
Finding.identity = property(_identity, _IDENTITY_SLOT.__set__, doc="stable element path, resolved on first read")


# Finding.sort_key as one C-level call: sorting 200,000 findings with the method costs a
# Python call each, several times per run.
FINDING_ORDER = attrgetter("path", "line", "column", "code", "message")
