"""Where a protocol names something by id: one table, read by the model in one pass.

Each row (a `ReferenceSite`) says which element holds the reference (by local name
and, optionally, the local names of its parent and grandparent), whether the ids are
in an attribute or the element text, how several ids are separated, what they must
name (`target`: a parameter, a table, a column, or any section of `sections.py`) and
which official check judges the site (`check`, e.g. "3.2"). Adding a reference site
is adding a row here; rules never walk the tree to find references.

The verdicts (an id that names nothing, a value that is not an id, an empty value)
are made once per file in `judge()` and handed to the rule that owns them: the rule
the catalogue assigns the site's official code to (HTTP006 for `Request@pid`, QA006
for `QAction@triggers`, ...), or REF001/REF002 when the official validator has no
check for the site. So one problem at one site is reported by one rule.

Other columns:
- `errors`: (kind, official error name) pairs, where a check has several errors of
  one kind (3.2 has NonExistingParam and NonExistingGroup).
- `pattern`: a regular expression whose first group holds the id text inside a
  larger value (`naming=/1001,1002` in ArrayOptions@options).
- `condition_syntax`: ids written as `id:N` inside a condition.
- `separator_led`: the first character of the value separates the parts and only the
  numeric parts are ids (`ArrayOptions/NamingFormat`: `,Slot ,1001,/,1002`).
- `wildcards`: values that are allowed and name no id (ExportRule@table="*").
- `not_when_option`: skip an element whose attribute lists that option (a QAction
  with `options="group"` lists group ids in `triggers`).
- `literal_allowed`: a value that is not a number is a literal, not a reference
  (HTTP session credentials).
- `separators`: split the value on exactly these characters, empty parts kept (an empty
  part is an empty id): `QAction@triggers="1;;2"` has three parts, as the official
  validator reads it; without it, `multiple` splits on any run of `; , |` and spaces.
- `plain`: an id written with a leading zero is invalid here (the official check wants
  the id written plainly: `Pair/Content/Response` of `03`).
- `exact`: the official check looks the id up as written, so an id with spaces around
  it, a leading zero or a `+` names nothing there (`Command/Content/Param` of ` 5`).
- `when_option`: the opposite of `not_when_option`: only elements whose attribute
  lists the option (a QAction with `options="group"` triggers on groups).
- `judged_by`: a rule that judges this site itself (Param/Type@id, the WebSocket
  status parameters, a handshake's numeric url); the site still counts as a use of
  the parameter (WS007 relies on that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dmlint.core.ids import is_ascii_digits
from dmlint.core.problem import Problem

LIST_SEPARATORS = re.compile(r"[;,|\s]+")
CONDITION_IDS = r"(?<![\w:])id:\+?([0-9]+)"


_CONDITION_IDS = re.compile(CONDITION_IDS, re.IGNORECASE)
_PATTERNS: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    """A site's pattern, compiled once (re's own cache costs more per call on big files)."""
    found = _PATTERNS.get(pattern)
    if found is None:
        found = _PATTERNS[pattern] = re.compile(pattern, re.IGNORECASE)
    return found


PARAM_TARGETS = ("param", "table", "column")
# Who reports a kind of problem at a site the official validator has no check (or claim) for.
DEFAULT_OWNERS = {"missing": "REF001", "empty": "REF002", "invalid": "REF002", "wrong_type": "REF001"}


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
    target: str = "param"  # param | table | column | a section kind (session, group, pair, ...)
    pattern: str | None = None  # regex; group 1 holds the id text (then split if multiple)
    check: str | None = None  # the official check judging this site, e.g. "3.2"
    errors: tuple[tuple[str, str], ...] = ()  # (kind, official error name) where a check has several
    wildcards: tuple[str, ...] = ()  # values that name no id on purpose
    # (attribute, option): skip the element when that attribute lists the option
    not_when_option: tuple[str, str] | None = None
    # The value starts with its own separator (",Port ,1001") and only the numeric parts are ids.
    separator_led: bool = False
    literal_allowed: bool = False  # a non-numeric value is a literal (credentials), not a reference
    separators: str | None = None  # split on exactly these characters, empty parts kept
    plain: bool = False  # an id with a leading zero is invalid here
    exact: bool = False  # looked up as written: ' 5', '05' and '+5' name nothing
    when_option: tuple[str, str] | None = None  # (attribute, option): only elements listing the option
    judged_by: str | None = None  # a rule judging this site itself

    @property
    def label(self) -> str:
        """The site as messages name it: 'QAction@triggers' (qualifiers in parentheses dropped)."""
        return self.name.split("(")[0]

    @property
    def names_param(self) -> bool:
        return self.target in PARAM_TARGETS

    def extract(self, element) -> list[str]:
        """Raw id tokens found at this site (not yet checked to be numeric)."""
        raw = element.get(self.attribute) if self.attribute else (element.text or "")
        if raw is None:
            return []
        if self.condition_syntax:
            return _CONDITION_IDS.findall(raw)
        if self.separators:
            return _splitter(self.separators).split(raw)
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

    def skipped_at(self, element) -> bool:
        """True when this element is not a reference of this site (e.g. a QAction whose triggers name groups)."""
        if self.when_option is not None:
            attribute, option = self.when_option
            if not _lists_option(element.get(attribute), option):
                return True
        if self.not_when_option is None:
            return False
        attribute, option = self.not_when_option
        return _lists_option(element.get(attribute), option)

    def official(self, kind: str) -> str | None:
        """The official code of a kind of problem at this site (None: no official check for it).

        `wrong_type` (a parameter that is not a table where a table is expected) has its own code
        only where the site's check has a ReferencedParamWrongType error that a rule claims;
        elsewhere it is reported like a missing table."""
        if kind == "wrong_type":
            code = self._official(kind)
            if code is not None:
                from dmlint import catalogue

                if catalogue.get(code).rule:
                    return code
            return self._official("missing")
        return self._official(kind)

    def _official(self, kind: str) -> str | None:
        if self.check is None:
            return None
        error = dict(self.errors).get(kind)
        if error is None and (self.pattern or self.separator_led or self.condition_syntax):
            return None  # the check's own errors are about the whole value, not one id inside it
        from dmlint import catalogue

        return catalogue.code_for(self.check, kind, error)

    def owner(self, kind: str) -> str | None:
        """The rule that reports a kind of problem here: the claimant of the site's official
        code, else the default owner of the kind (None: nobody judges this kind here)."""
        if self.judged_by is not None:
            return None
        code = self.official(kind)
        if code is not None:
            from dmlint import catalogue

            claimant = catalogue.get(code).rule
            if claimant:
                return claimant
        return DEFAULT_OWNERS.get(kind)


def _lists_option(raw: str | None, option: str) -> bool:
    """Whether a `;`-separated options attribute lists this option (any case)."""
    return option in (token.strip().lower() for token in (raw or "").split(";"))


_SPLITTERS: dict[str, re.Pattern] = {}


def _splitter(separators: str) -> re.Pattern:
    found = _SPLITTERS.get(separators)
    if found is None:
        found = _SPLITTERS[separators] = re.compile("[" + re.escape(separators) + "]")
    return found


SESSION_CONNECTION = ("Connection",)


# Every place a protocol names a parameter, table, column or another section by id.
REFERENCE_SITES: tuple[ReferenceSite, ...] = (
    # QActions run when these parameters change and read them as input. The official check
    # splits on ';' only and looks each id up as written (QA005-QA007 report it).
    # With options="group" the triggers of a QAction are group ids, not parameters.
    ReferenceSite("QAction@triggers", "QAction", "triggers", ("QActions",), separators=";", exact=True,
                  not_when_option=("options", "group"), check="3.2", errors=(("missing", "NonExistingParam"),)),
    ReferenceSite("QAction@triggers(group)", "QAction", "triggers", ("QActions",), separators=";", exact=True,
                  when_option=("options", "group"), target="group", check="3.2",
                  errors=(("missing", "NonExistingGroup"),)),
    ReferenceSite("QAction@inputParameters", "QAction", "inputParameters", ("QActions",), multiple=True),
    # Triggers and actions on a parameter.
    # What a trigger goes off on and what it runs (judged by the TRG rules, check 5.1 and 5.10).
    ReferenceSite("Trigger/On@id", "On", "id", ("Trigger",), multiple=True, when_text=("parameter",),
                  wildcards=("each",), check="5.1", judged_by="TRG007"),
    *(ReferenceSite(f"Trigger/On@id({on})", "On", "id", ("Trigger",), when_text=(on,), wildcards=("each",),
                    target=on, check="5.1", judged_by="TRG007")
      for on in ("command", "group", "pair", "response", "session", "timer")),
    ReferenceSite("Trigger/Content/Id", "Id", None, ("Content",), ("Trigger",), target="action", check="5.10",
                  judged_by="TRG007"),
    # What an action acts on (judged by the ACT rules, check 6.3).
    ReferenceSite("Action/On@id", "On", "id", ("Action",), multiple=True, when_text=("parameter",),
                  check="6.3", judged_by="ACT008"),
    *(ReferenceSite(f"Action/On@id({on})", "On", "id", ("Action",), multiple=True, when_text=(on,), target=on,
                    check="6.3", judged_by="ACT008")
      for on in ("command", "group", "pair", "response", "timer")),
    # Actions whose Type@id holds a parameter: the copy destination; the pair delay or timeout
    # value (judged by ACT008, check 6.7).
    ReferenceSite("Action/Type@id", "Type", "id", ("Action",), when_text=("copy", "copy reverse")),
    ReferenceSite("Action/Type@id(pair)", "Type", "id", ("Action",), when_text=("set next", "timeout"),
                  check="6.7", errors=(("missing", "NonExistingParamRefInTypeIdAttribute"),), judged_by="ACT008"),
    # Conditions anywhere use id:N; the condition rules (COND) read them parsed (conditions.py).
    ReferenceSite("Condition", "Condition", None, condition_syntax=True, judged_by="COND002"),
    # Command, Response and Group content lists parameters by id.
    # The official checks of Command and Response content look each id up as written (CMD005/CMD006, RSP005/RSP006).
    ReferenceSite("Command/Content/Param", "Param", None, ("Content",), ("Command",), exact=True, check="10.3"),
    # Command@ascii: true, false (any case) or the ';'-separated ids of the parameters sent as ASCII (CMD007).
    ReferenceSite("Command@ascii", "Command", "ascii", ("Commands",), separators=";", exact=True,
                  wildcards=("true", "false"), check="10.4"),
    ReferenceSite("Response/Content/Param", "Param", None, ("Content",), ("Response",), exact=True, check="11.3"),
    # A pair sends a command and waits for one of its responses (PAIR005/PAIR006); ids written plainly.
    ReferenceSite("Pair/Content/Command", "Command", None, ("Content",), ("Pair",), target="command", plain=True,
                  check="9.4"),
    ReferenceSite("Pair/Content/Response", "Response", None, ("Content",), ("Pair",), target="response",
                  plain=True, check="9.5"),
    ReferenceSite("Pair/Content/ResponseOnBadCommand", "ResponseOnBadCommand", None, ("Content",), ("Pair",),
                  target="response", plain=True, check="9.6"),
    # Group content may suffix the id: 100:single, 100:instance, 100:tablev2, 100:getnext.
    ReferenceSite("Group/Content/Param", "Param", None, ("Content",), ("Group",), pattern=r"^([^:]*)", check="4.2",
                  errors=(("missing", "NonExistingId"), ("empty", "EmptyParamTag"), ("invalid", "InvalidParamTag"))),
    # A group's content runs actions, pairs and triggers (its sessions are HTTP015's).
    ReferenceSite("Group/Content/Action", "Action", None, ("Content",), ("Group",), target="action", check="4.3"),
    ReferenceSite("Group/Content/Pair", "Pair", None, ("Content",), ("Group",), target="pair", check="4.4"),
    ReferenceSite("Group/Content/Trigger", "Trigger", None, ("Content",), ("Group",), target="trigger",
                  check="4.6"),
    ReferenceSite("Group@connectionPID", "Group", "connectionPID", ("Groups",), check="4.7"),
    # Parameters pointing at parameters. Param/Type@id is judged by PRM007 (2.62).
    ReferenceSite("Param/Type@id", "Type", "id", ("Param",), when_text=("read bit", "write bit"),
                  judged_by="PRM007"),
    ReferenceSite("Param/Type@id(array)", "Type", "id", ("Param",), multiple=True, when_text=("array",),
                  target="column", judged_by="PRM007"),
    ReferenceSite("Param/Dependencies/Id", "Id", None, ("Dependencies",), ("Param",), check="2.67",
                  judged_by="PRM222"),
    # Judged by the rules of their official checks (2.54, 2.69, 2.72), which read the whole value
    # the way the official validator does (plain numbers only, the first part before a comma).
    ReferenceSite("Measurement/Discreets@dependencyId", "Discreets", "dependencyId", ("Measurement",),
                  judged_by="PRM135"),
    ReferenceSite("Interprete/LengthType@id", "LengthType", "id", ("Interprete",), judged_by="PRM132"),
    ReferenceSite("Alarm/Monitored@disabledIf", "Monitored", "disabledIf", ("Alarm",), pattern=r"^\s*([^,]*)",
                  judged_by="PRM136"),
    ReferenceSite("ArrayOptions/ColumnOption@pid", "ColumnOption", "pid", ("ArrayOptions",), target="column",
                  check="2.63", judged_by="PRM201"),
    ReferenceSite("ArrayOptions/NamingFormat", "NamingFormat", None, ("ArrayOptions",), separator_led=True,
                  check="2.65", judged_by="PRM204"),
    ReferenceSite("ColumnOption@options(foreignKey)", "ColumnOption", "options", ("ArrayOptions",),
                  pattern=r"foreignKey=([^;]*)", target="table"),
    ReferenceSite("ArrayOptions@options(naming)", "ArrayOptions", "options", ("Param",),
                  pattern=r"naming=.([^;]*)", multiple=True, target="column",
                  check="2.17", errors=(("missing", "NamingRefersToNonExistingParam"),), judged_by="PRM203"),
    ReferenceSite("SNMP/OID@id", "OID", "id", ("SNMP",), multiple=True),
    # Display: page visibility driven by a parameter.
    ReferenceSite("Page/Visibility@overridePid", "Visibility", "overridePid", ("Page",)),
    ReferenceSite("Page/Visibility@overridePID", "Visibility", "overridePID", ("Page",), check="1.27",
                  errors=(("missing", "NonExistingParam"), ("invalid", "NonExistingParam"))),
    # Protocol-level options: DVE export tables, timers over tables, export rules, trees, relations.
    ReferenceSite("Protocol/Type@options(exportProtocol)", "Type", "options", ("Protocol",),
                  pattern=r"(?:^|;)exportProtocol:[^:;]*[^:;\s][^:;]*:([^:;]*)", target="table", check="1.9",
                  errors=(("missing", "NonExistingId"), ("wrong_type", "ReferencedParamWrongType"))),
    # A DVE child protocol and the table its rows come from.
    ReferenceSite("DVEProtocol@tablePID", "DVEProtocol", "tablePID", ("DVEProtocols",), target="table"),
    # Timers: the tables and parameters of their options, the groups they run (judged by the
    # TMR rules, checks 7.3 and 7.5).
    ReferenceSite("Timer@options(ip)", "Timer", "options", ("Timers",), pattern=r"(?:^|;)\s*ip:([^,;]*)",
                  target="table", check="7.3", judged_by="TMR008"),
    ReferenceSite("Timer@options(instance)", "Timer", "options", ("Timers",),
                  pattern=r"(?:^|;)\s*instance:([^,;]*)", target="table", check="7.3", judged_by="TMR008"),
    ReferenceSite("Timer@options(dynamicThreadPool)", "Timer", "options", ("Timers",),
                  pattern=r"(?:^|;)\s*dynamicThreadPool:([^,;]*)", check="7.3", judged_by="TMR008"),
    ReferenceSite("Timer/Content/Group", "Group", None, ("Content",), ("Timer",), target="group", check="7.5",
                  judged_by="TMR011"),
    # Export rules (judged by the EXP rules, check 17.1), tree controls (the TREE rules, check 18)
    # and relations (the REL rules, check 13).
    ReferenceSite("ExportRule@table", "ExportRule", "table", ("ExportRules",), target="table", wildcards=("*",),
                  check="17.1", judged_by="EXP002"),
    ReferenceSite("TreeControl@parameterId", "TreeControl", "parameterId", ("TreeControls",), check="18.1",
                  judged_by="TREE002"),
    ReferenceSite("Hierarchy@path", "Hierarchy", "path", ("TreeControl",), multiple=True, target="table",
                  check="18.2", judged_by="TREE002"),
    ReferenceSite("Hierarchy/Table@id", "Table", "id", ("Hierarchy",), target="table", check="18.3",
                  judged_by="TREE002"),
    ReferenceSite("Hierarchy/Table@parent", "Table", "parent", ("Hierarchy",), target="table", check="18.4",
                  judged_by="TREE002"),
    ReferenceSite("Hierarchy/Table@condition", "Table", "condition", ("Hierarchy",), pattern=r"^\s*([^:;]*)",
                  target="column", check="18.5", judged_by="TREE002"),
    ReferenceSite("Hierarchy/Table@condition(filter)", "Table", "condition", ("Hierarchy",),
                  pattern=r"filter:fk=([^;]*)", target="column", check="18.5", judged_by="TREE002"),
    ReferenceSite("LinkedDetails@detailsTableId", "LinkedDetails", "detailsTableId", ("ExtraDetails",),
                  target="table", check="18.6", judged_by="TREE002"),
    ReferenceSite("LinkedDetails@discreetColumnId", "LinkedDetails", "discreetColumnId", ("ExtraDetails",),
                  target="column", check="18.7", judged_by="TREE002"),
    ReferenceSite("Tab@parameter", "Tab", "parameter", ("ExtraTabs",), multiple=True, check="18.8",
                  judged_by="TREE002"),
    ReferenceSite("Tab@tableId", "Tab", "tableId", ("ExtraTabs",), target="table", check="18.9",
                  judged_by="TREE002"),
    *(ReferenceSite(f"TreeControl/{tag}", tag, None, ("TreeControl",), multiple=True, target="column",
                    check=check, judged_by="TREE002")
      for tag, check in (("HiddenColumns", "18.10"), ("OverrideDisplayColumns", "18.11"),
                         ("OverrideIconColumns", "18.12"), ("ReadonlyColumns", "18.13"))),
    ReferenceSite("Relation@path", "Relation", "path", ("Relations",), multiple=True, target="table",
                  check="13.2", judged_by="REL002"),
    # Groups of parameters (DCF) and table-driven groups (check 16.1, 16.6: the PGRP rules).
    ReferenceSite("ParameterGroups/Group@dynamicId", "Group", "dynamicId", ("ParameterGroups",), check="16.1"),
    ReferenceSite("ParameterGroups/Group/Params/Param", "Param", "id", ("Params",), ("Group",), check="16.6"),
    # Connection state parameters (judged by the WebSocket rules).
    ReferenceSite("NotifyConnectionPIDs/Connections", "Connections", None, ("NotifyConnectionPIDs",),
                  judged_by="WS011"),
    ReferenceSite("NotifyConnectionPIDs/Disconnections", "Disconnections", None, ("NotifyConnectionPIDs",),
                  judged_by="WS011"),
    # HTTP sessions: credentials hold a literal or the id of the parameter holding it.
    ReferenceSite("Session@password", "Session", "password", ("HTTP",), check="8.4", literal_allowed=True),
    ReferenceSite("Session@userName", "Session", "userName", ("HTTP",), check="8.5", literal_allowed=True),
    ReferenceSite("Session@proxyServer", "Session", "proxyServer", ("HTTP",), check="8.6", literal_allowed=True),
    ReferenceSite("Session@proxyUser", "Session", "proxyUser", ("HTTP",), check="8.7", literal_allowed=True),
    ReferenceSite("Session@proxyPassword", "Session", "proxyPassword", ("HTTP",), check="8.8",
                  literal_allowed=True),
    # A connection's WebSocket handshake names the HTTP session that holds the upgrade request.
    ReferenceSite("CommunicationOptions/WebSocketHandshake", "WebSocketHandshake", None, ("CommunicationOptions",),
                  target="session", judged_by="WS001"),
    ReferenceSite("Request@pid", "Request", "pid", SESSION_CONNECTION, ("Session",), check="8.9"),
    # A literal URL; a numeric one names the URL parameter of a WebSocket handshake (WS005).
    ReferenceSite("Request@url", "Request", "url", SESSION_CONNECTION, ("Session",), judged_by="WS005"),
    ReferenceSite("Request/Data@pid", "Data", "pid", ("Request",), check="8.10"),
    ReferenceSite("Request/Headers/Header@pid", "Header", "pid", ("Headers",), ("Request",), check="8.11"),
    ReferenceSite("Request/Parameters/Parameter@pid", "Parameter", "pid", ("Parameters",), ("Request",),
                  check="8.12"),
    ReferenceSite("Response@statusCode", "Response", "statusCode", SESSION_CONNECTION, ("Session",), check="8.13"),
    ReferenceSite("Response/Content@pid", "Content", "pid", ("Response",), SESSION_CONNECTION, check="8.14"),
    ReferenceSite("Response/Headers/Header@pid", "Header", "pid", ("Headers",), ("Response",), check="8.15"),
)


@dataclass(frozen=True)
class Reference:
    site: ReferenceSite
    element: object
    raw: str  # the token as written


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to make, and there is one per bad reference
class Verdict:
    """One problem with one reference, and the rule that reports it."""

    reference: Reference
    kind: str  # missing | empty | invalid | wrong_type
    rule: str
    official: str | None
    message: str

    @property
    def problem(self):
        reference = self.reference
        return Problem(reference.element, self.message, attribute=reference.site.attribute,
                       official=self.official or "")


def judge(model) -> dict[str, list[Verdict]]:
    """Every reference problem of a file, by the rule that reports it, in document order.

    One pass over `model.all_references`: a token that is a number must name an existing
    target (of the right type for a table), anything else is empty or invalid, unless the
    site allows it (wildcards, literals). The same token twice in one element is judged once.
    """
    from dmlint.core.ids import UINT32_MAX, read_id

    verdicts: dict[str, list[Verdict]] = {}
    numbers: dict[str, object] = {}  # raw token -> read_id's reading: the same tokens recur
    missing: dict[tuple[str, str], tuple[str | None, str]] = {}  # (site, id) -> _missing's answer
    seen: set = set()
    owners: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for reference in model.all_references:
        site, raw = reference.site, reference.raw
        if site.judged_by is not None or site.skipped_at(reference.element):
            continue
        text = raw.strip()
        if site.wildcards and text.lower() in site.wildcards:
            continue
        number = numbers.get(raw)
        if number is None:
            number = numbers[raw] = read_id(raw)
        if number.ok and number.at_most(UINT32_MAX):
            if site.plain and number.leading_zero:
                kind, message = "invalid", (f"{site.label} holds '{text}': write {_article(site.target)} id "
                                            f"plainly, without leading zeros ({number.digits})")
            elif site.exact and raw != number.digits:
                kind, message = "missing", _as_written(site, raw, number.digits)
            else:
                answer = missing.get((site.name, number.digits))
                if answer is None:
                    answer = missing[(site.name, number.digits)] = _missing(model, site, number.digits)
                kind, message = answer
                if kind is None:
                    continue
        elif site.literal_allowed:
            continue
        elif not text:
            kind, message = "empty", f"{site.label} is empty: it should hold {_article(site.target)} id"
        elif site.exact and _signed_number(text):
            kind, message = "missing", _as_written(site, raw, text.lstrip("+").lstrip("0") or "0")
        else:
            kind, message = "invalid", f"{site.label} holds '{text}', which is not {_article(site.target)} id"
        key = (id(reference.element), site.name, number.digits or text)
        if key in seen:
            continue
        seen.add(key)
        owner = owners.get((site.name, kind))
        if owner is None:
            owner = owners[(site.name, kind)] = (site.owner(kind), site.official(kind))
        rule, official = owner
        if rule is not None:
            verdicts.setdefault(rule, []).append(Verdict(reference, kind, rule, official, message))
    return verdicts


def reported_by(rule_code: str):
    """The `check` of a rule that reports the reference verdicts the catalogue gives it:
    `check = reported_by(CODE)`."""

    def check(model):
        for verdict in model.reference_verdicts.get(rule_code, ()):
            yield verdict.problem

    check.__doc__ = f"The reference problems the catalogue assigns to {rule_code} (references.judge)."
    return check


def _signed_number(text: str) -> bool:
    """'+5': a number .NET reads, but not as dmlint's ids are written."""
    return text[0] == "+" and is_ascii_digits(text[1:])


def _as_written(site: ReferenceSite, raw: str, digits: str) -> str:
    return (f"{site.label} holds '{raw}': the id is looked up exactly as written, so this names no "
            f"{_article(site.target)[2:].strip()}; write it as {digits}")


def _article(target: str) -> str:
    word = "parameter" if target in PARAM_TARGETS else {"qaction": "QAction"}.get(target, target)
    return ("an " if word[0] in "aeiou" else "a ") + word


def _missing(model, site: ReferenceSite, pid: str) -> tuple[str | None, str]:
    """('missing', message) when a numeric token names nothing suitable, else (None, '')."""
    if site.names_param:
        param = model.param(pid)
        if param is None:
            what = "table" if site.target == "table" else "Param"
            detail = "" if model.has_params_block else " (the protocol has no <Params>)"
            return "missing", f"{site.label} names {what} {pid}, which does not exist{detail}"
        if site.target == "table" and pid not in model.tables:
            kind = param.type_text or "no type"
            return "wrong_type", (f"{site.label} expects a table but Param {pid} ({param.name}) is of type "
                                  f"'{kind}', not 'array'")
        return None, ""
    section = model.section(site.target)
    if section.get(pid) is None:
        return "missing", f"{site.label} names {section.section.label} {pid}, which does not exist"
    return None, ""
