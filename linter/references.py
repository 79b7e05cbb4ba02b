"""Where a protocol names a parameter by id: one table, read by the model in one pass.

Each site says which element holds the reference (by local name and, optionally,
the local names of its parent and grandparent), whether the ids are in an
attribute or the element text, and how several ids are separated. Adding a
reference site is adding a row here; rules never walk the tree to find references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LIST_SEPARATORS = re.compile(r"[;,|\s]+")
CONDITION_IDS = re.compile(r"\bid:(\d+)")


@dataclass(frozen=True)
class ReferenceSite:
    name: str  # stable identifier, e.g. "QAction@triggers"
    element: str  # local name of the element holding the reference
    attribute: str | None = None  # None: the element's text
    parents: tuple[str, ...] = ()  # allowed parent local names (empty: any)
    grandparents: tuple[str, ...] = ()  # allowed grandparent local names (empty: any)
    multiple: bool = False  # several ids separated by ; , | or spaces
    condition_syntax: bool = False  # ids written as id:N inside an expression
    when_text: tuple[str, ...] = field(default=())  # only when the element text is one of these

    def extract(self, element) -> list[str]:
        """Raw id tokens found at this site (not yet checked to be numeric)."""
        raw = element.get(self.attribute) if self.attribute else element.text
        if raw is None:
            return []
        if self.condition_syntax:
            return CONDITION_IDS.findall(raw)
        if self.multiple:
            return [token for token in LIST_SEPARATORS.split(raw) if token]
        return [raw]


SESSION_CONNECTION = ("Connection",)

# The sites the core knows. Later rules (e.g. the REF family) extend this table.
REFERENCE_SITES: tuple[ReferenceSite, ...] = (
    # QActions run when these parameters change and read them as input.
    ReferenceSite("QAction@triggers", "QAction", "triggers", ("QActions",), multiple=True),
    ReferenceSite("QAction@inputParameters", "QAction", "inputParameters", ("QActions",), multiple=True),
    # Triggers and actions on a parameter.
    ReferenceSite("Trigger/On@id", "On", "id", ("Trigger",), multiple=True, when_text=("parameter",)),
    ReferenceSite("Action/On@id", "On", "id", ("Action",), multiple=True, when_text=("parameter",)),
    # Conditions anywhere use id:N.
    ReferenceSite("Condition", "Condition", None, condition_syntax=True),
    # Command, Response and Group content lists parameters by id.
    ReferenceSite("Command/Content/Param", "Param", None, ("Content",), ("Command",)),
    ReferenceSite("Response/Content/Param", "Param", None, ("Content",), ("Response",)),
    ReferenceSite("Group/Content/Param", "Param", None, ("Content",), ("Group",)),
    # Parameters pointing at parameters.
    ReferenceSite("Param/Type@id", "Type", "id", ("Param",)),
    ReferenceSite("Param/Dependencies/Id", "Id", None, ("Dependencies",), ("Param",)),
    ReferenceSite("Discreet@dependencyId", "Discreet", "dependencyId", ("Discreets",)),
    ReferenceSite("ArrayOptions/ColumnOption@pid", "ColumnOption", "pid", ("ArrayOptions",)),
    ReferenceSite("SNMP/OID@id", "OID", "id", ("SNMP",), multiple=True),
    # Connection state parameters.
    ReferenceSite("NotifyConnectionPIDs/Connections", "Connections", None, ("NotifyConnectionPIDs",)),
    ReferenceSite("NotifyConnectionPIDs/Disconnections", "Disconnections", None, ("NotifyConnectionPIDs",)),
    # HTTP sessions.
    ReferenceSite("Session@userName", "Session", "userName", ("HTTP",)),
    ReferenceSite("Session@password", "Session", "password", ("HTTP",)),
    ReferenceSite("Session@proxyServer", "Session", "proxyServer", ("HTTP",)),
    ReferenceSite("Session@proxyUser", "Session", "proxyUser", ("HTTP",)),
    ReferenceSite("Session@proxyPassword", "Session", "proxyPassword", ("HTTP",)),
    ReferenceSite("Request@pid", "Request", "pid", SESSION_CONNECTION, ("Session",)),
    ReferenceSite("Request@url", "Request", "url", SESSION_CONNECTION, ("Session",)),
    ReferenceSite("Request/Data@pid", "Data", "pid", ("Request",)),
    ReferenceSite("Request/Headers/Header@pid", "Header", "pid", ("Headers",), ("Request",)),
    ReferenceSite("Request/Parameters/Parameter@pid", "Parameter", "pid", ("Parameters",), ("Request",)),
    ReferenceSite("Response@statusCode", "Response", "statusCode", SESSION_CONNECTION, ("Session",)),
    ReferenceSite("Response/Content@pid", "Content", "pid", ("Response",), SESSION_CONNECTION),
    ReferenceSite("Response/Headers/Header@pid", "Header", "pid", ("Headers",), ("Response",)),
    # Groups of parameters and table-driven groups.
    ReferenceSite("ParameterGroups/Group@dynamicId", "Group", "dynamicId", ("ParameterGroups",)),
)


def normalize_id(raw: str | None) -> str | None:
    """Trimmed unsigned integer as a canonical string ('007 ' -> '7'), else None."""
    if raw is None:
        return None
    value = raw.strip()
    if not value.isdigit() or not value.isascii():
        return None
    return str(int(value))
