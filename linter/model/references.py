"""Where a protocol names a parameter by id: one table, read by the model in one pass.

Each site says which element holds the reference (by local name and, optionally,
the local names of its parent and grandparent), whether the ids are in an
attribute or the element text, and how several ids are separated. Adding a
reference site is adding a row here; rules never walk the tree to find references.

Extra columns used by the REF rules:
- `target`: what the id must name: "param" (any parameter), "table" (a parameter
  of type array) or "column" (any parameter; columns are parameters too).
- `pattern`: a regular expression whose first group holds the id text inside a
  larger value (`id:12` in conditions, `naming=/1001,1002` in ArrayOptions@options).
- `skyline`: the official validator codes for this site, by kind of problem
  ("missing": the id names nothing, "invalid": not an id, "empty": no value).
- `ref_rule`: False when another rule family owns the verdict for this site (HTTP
  sessions, WebSocket status parameters, Param/Type@id); the site still counts as
  a usage of the parameter (WS007 relies on that).
- `separator_led`: the first character of the value separates the parts and only the
  numeric parts are ids (`ArrayOptions/NamingFormat`: `,Slot ,1001,/,1002`).
- `wildcards`: values that are allowed and name no id (ExportRule@table="*").
- `not_when_option`: the REF rules skip an element whose attribute lists that option
  (a QAction with `options="group"` lists group ids in `triggers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dmlint.core.ids import is_ascii_digits

LIST_SEPARATORS = re.compile(r"[;,|\s]+")
CONDITION_IDS = r"\bid:([0-9]+)"


_CONDITION_IDS = re.compile(CONDITION_IDS)
_PATTERNS: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    """A site's pattern, compiled once (re's own cache costs more per call on big files)."""
    found = _PATTERNS.get(pattern)
    if found is None:
        found = _PATTERNS[pattern] = re.compile(pattern, re.IGNORECASE)
    return found


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
    target: str = "param"  # param | table | column
    pattern: str | None = None  # regex; group 1 holds the id text (then split if multiple)
    skyline: tuple[tuple[str, str], ...] = ()  # (kind, official code) pairs
    ref_rule: bool = True  # checked by the generic REF rules
    wildcards: tuple[str, ...] = ()  # values that name no id on purpose
    # (attribute, option): REF rules skip the element when that attribute lists the option
    not_when_option: tuple[str, str] | None = None
    # The value starts with its own separator (",Port ,1001") and only the numeric parts are ids.
    separator_led: bool = False

    def extract(self, element) -> list[str]:
        """Raw id tokens found at this site (not yet checked to be numeric)."""
        raw = element.get(self.attribute) if self.attribute else (element.text or "")
        if raw is None:
            return []
        if self.condition_syntax:
            return _CONDITION_IDS.findall(raw)
        if self.separator_led:
            parts = raw[1:].split(raw[0]) if raw else []
            return [part for part in parts if is_ascii_digits(part.strip())]
        if self.pattern:
            found = [match.group(1) for match in _compiled(self.pattern).finditer(raw)]
            if not self.multiple:
                return found
            return [token for chunk in found for token in LIST_SEPARATORS.split(chunk) if token]
        if self.multiple:
            return [token for token in LIST_SEPARATORS.split(raw) if token]
        return [raw]

    def skipped_by_ref(self, element) -> bool:
        """True when the REF rules must not judge this element (e.g. a QAction whose triggers name groups)."""
        if self.not_when_option is None:
            return False
        attribute, option = self.not_when_option
        raw = element.get(attribute) or ""
        return option in (token.strip().lower() for token in raw.split(";"))

    def official(self, kind: str) -> tuple[str, ...]:
        """Official validator codes for a problem kind at this site (may be empty)."""
        return tuple(code for k, code in self.skyline if k == kind)


SESSION_CONNECTION = ("Connection",)


def _codes(missing: str | None = None, invalid: str | None = None, empty: str | None = None):
    pairs = []
    for kind, code in (("missing", missing), ("invalid", invalid), ("empty", empty)):
        if code:
            pairs.append((kind, code))
    return tuple(pairs)


# Every place a protocol names a parameter, table or column by id.
REFERENCE_SITES: tuple[ReferenceSite, ...] = (
    # QActions run when these parameters change and read them as input.
    # With options="group" the triggers of a QAction are group ids, not parameters.
    ReferenceSite("QAction@triggers", "QAction", "triggers", ("QActions",), multiple=True,
                  not_when_option=("options", "group"),
                  skyline=_codes(missing="3.2.4", invalid="3.2.3", empty="3.2.2")),
    ReferenceSite("QAction@inputParameters", "QAction", "inputParameters", ("QActions",), multiple=True),
    # Triggers and actions on a parameter.
    ReferenceSite("Trigger/On@id", "On", "id", ("Trigger",), multiple=True, when_text=("parameter",),
                  wildcards=("each",)),
    ReferenceSite("Action/On@id", "On", "id", ("Action",), multiple=True, when_text=("parameter",),
                  wildcards=("each",)),
    # Actions whose Type@id holds a parameter: the copy destination, the pair delay or timeout value.
    ReferenceSite("Action/Type@id", "Type", "id", ("Action",),
                  when_text=("copy", "copy reverse", "set next", "timeout")),
    # Conditions anywhere use id:N.
    ReferenceSite("Condition", "Condition", None, condition_syntax=True),
    # Command, Response and Group content lists parameters by id.
    ReferenceSite("Command/Content/Param", "Param", None, ("Content",), ("Command",),
                  skyline=_codes(missing="10.3.1", invalid="10.3.3", empty="10.3.2")),
    # Command@ascii: true, false or the ids of the parameters sent as ASCII.
    ReferenceSite("Command@ascii", "Command", "ascii", ("Commands",), multiple=True,
                  wildcards=("true", "false", "True", "False", "TRUE", "FALSE"),
                  skyline=_codes(missing="10.4.3", invalid="10.4.2", empty="10.4.1")),
    ReferenceSite("Response/Content/Param", "Param", None, ("Content",), ("Response",),
                  skyline=_codes(missing="11.3.1", invalid="11.3.3", empty="11.3.2")),
    # Group content may suffix the id: 100:single, 100:instance, 100:tablev2, 100:getnext.
    ReferenceSite("Group/Content/Param", "Param", None, ("Content",), ("Group",), pattern=r"^([^:]*)",
                  skyline=_codes(missing="4.2.1", invalid="4.2.3", empty="4.2.2")),
    ReferenceSite("Group@connectionPid", "Group", "connectionPid", ("Groups",),
                  skyline=_codes(missing="4.7.3", invalid="4.7.2", empty="4.7.1")),
    # Parameters pointing at parameters. Param/Type@id is checked by PRM (2.62).
    ReferenceSite("Param/Type@id", "Type", "id", ("Param",), when_text=("read bit", "write bit"),
                  ref_rule=False),
    ReferenceSite("Param/Type@id(array)", "Type", "id", ("Param",), multiple=True, when_text=("array",),
                  target="column", ref_rule=False),
    ReferenceSite("Param/Dependencies/Id", "Id", None, ("Dependencies",), ("Param",)),
    ReferenceSite("Measurement/Discreets@dependencyId", "Discreets", "dependencyId", ("Measurement",)),
    ReferenceSite("Interprete/LengthType@id", "LengthType", "id", ("Interprete",)),
    ReferenceSite("Alarm/Monitored@disabledIf", "Monitored", "disabledIf", ("Alarm",), pattern=r"^\s*([^,]*)"),
    ReferenceSite("ArrayOptions/ColumnOption@pid", "ColumnOption", "pid", ("ArrayOptions",), target="column",
                  skyline=_codes(missing="2.63.4", empty="2.63.2")),
    ReferenceSite("ArrayOptions/NamingFormat", "NamingFormat", None, ("ArrayOptions",), separator_led=True,
                  skyline=_codes(missing="2.65.3")),
    ReferenceSite("ColumnOption@options(foreignKey)", "ColumnOption", "options", ("ArrayOptions",),
                  pattern=r"foreignKey=([^;]*)", target="table"),
    ReferenceSite("ArrayOptions@options(naming)", "ArrayOptions", "options", ("Param",),
                  pattern=r"naming=.([^;]*)", multiple=True, target="column",
                  skyline=_codes(missing="2.17.4")),
    ReferenceSite("SNMP/OID@id", "OID", "id", ("SNMP",), multiple=True),
    # Display: page visibility driven by a parameter.
    ReferenceSite("Page/Visibility@overridePid", "Visibility", "overridePid", ("Page",)),
    ReferenceSite("Page/Visibility@overridePID", "Visibility", "overridePID", ("Page",)),
    # Protocol-level options: DVE export tables, timers over tables, export rules, trees, relations.
    ReferenceSite("Protocol/Type@options(exportProtocol)", "Type", "options", ("Protocol",),
                  pattern=r"exportProtocol:[^:;]*:([^:;]*)", target="table", skyline=_codes(missing="1.9.11")),
    ReferenceSite("Timer@options(ip)", "Timer", "options", ("Timers",), pattern=r"(?:^|;)\s*ip:([^,;]*)",
                  target="table"),
    ReferenceSite("Timer@options(instance)", "Timer", "options", ("Timers",),
                  pattern=r"(?:^|;)\s*instance:([^,;]*)", target="table"),
    ReferenceSite("Timer@options(dynamicThreadPool)", "Timer", "options", ("Timers",),
                  pattern=r"(?:^|;)\s*dynamicThreadPool:([^,;]*)"),
    ReferenceSite("ExportRule@table", "ExportRule", "table", ("ExportRules",), target="table", wildcards=("*",)),
    ReferenceSite("TreeControl@parameterId", "TreeControl", "parameterId", ("TreeControls",),
                  skyline=_codes(missing="18.1.5", invalid="18.1.4", empty="18.1.2")),
    ReferenceSite("Hierarchy@path", "Hierarchy", "path", ("TreeControl",), multiple=True, target="table",
                  skyline=_codes(missing="18.2.5")),
    ReferenceSite("Relation@path", "Relation", "path", ("Relations",), multiple=True, target="table",
                  skyline=_codes(missing="13.2.1")),
    # Groups of parameters (DCF) and table-driven groups.
    ReferenceSite("ParameterGroups/Group@dynamicId", "Group", "dynamicId", ("ParameterGroups",), target="table",
                  skyline=_codes(missing="16.1.1", invalid="16.1.2", empty="16.1.3")),
    ReferenceSite("ParameterGroups/Group/Params/Param", "Param", None, ("Params",), ("Group",),
                  skyline=_codes(missing="16.6.1")),
    # Connection state parameters (checked by the WebSocket rules).
    ReferenceSite("NotifyConnectionPIDs/Connections", "Connections", None, ("NotifyConnectionPIDs",),
                  ref_rule=False),
    ReferenceSite("NotifyConnectionPIDs/Disconnections", "Disconnections", None, ("NotifyConnectionPIDs",),
                  ref_rule=False),
    # HTTP sessions (checked by the HTTP rules).
    ReferenceSite("Session@userName", "Session", "userName", ("HTTP",), ref_rule=False),
    ReferenceSite("Session@password", "Session", "password", ("HTTP",), ref_rule=False),
    ReferenceSite("Session@proxyServer", "Session", "proxyServer", ("HTTP",), ref_rule=False),
    ReferenceSite("Session@proxyUser", "Session", "proxyUser", ("HTTP",), ref_rule=False),
    ReferenceSite("Session@proxyPassword", "Session", "proxyPassword", ("HTTP",), ref_rule=False),
    ReferenceSite("Request@pid", "Request", "pid", SESSION_CONNECTION, ("Session",), ref_rule=False),
    ReferenceSite("Request@url", "Request", "url", SESSION_CONNECTION, ("Session",), ref_rule=False),
    ReferenceSite("Request/Data@pid", "Data", "pid", ("Request",), ref_rule=False),
    ReferenceSite("Request/Headers/Header@pid", "Header", "pid", ("Headers",), ("Request",), ref_rule=False),
    ReferenceSite("Request/Parameters/Parameter@pid", "Parameter", "pid", ("Parameters",), ("Request",),
                  ref_rule=False),
    ReferenceSite("Response@statusCode", "Response", "statusCode", SESSION_CONNECTION, ("Session",), ref_rule=False),
    ReferenceSite("Response/Content@pid", "Content", "pid", ("Response",), SESSION_CONNECTION, ref_rule=False),
    ReferenceSite("Response/Headers/Header@pid", "Header", "pid", ("Headers",), ("Response",), ref_rule=False),
)
