"""Helpers shared by the HTTP rules (HTTP001-HTTP019); not a rule itself.

Everything here walks `Protocol/HTTP/Session/Connection/...` and `Protocol/Groups`
by direct child paths, so each rule stays linear in the size of those sections;
parameters and sessions are looked up in the model's dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.core.ids import EMPTY, INVALID, MISSING, OK, UINT32_MAX, UNTRIMMED, read_id  # noqa: F401
from dmlint.model import SessionConnection as ModelSessionConnection
from dmlint.model import child, children



def id_status(raw: str | None) -> str:
    """Status of an element id (Session@id, Connection@id): a plain unsigned 32-bit integer
    (no sign, no leading zero except "0" itself). A valid id with spaces around it is UNTRIMMED."""
    number = read_id(raw)
    if number.ok and (number.leading_zero or not number.at_most(UINT32_MAX)):
        return INVALID
    return number.status


def ref_status(raw: str | None) -> str:
    """Status of a parameter reference attribute (pid, statusCode): an unsigned 32-bit integer;
    leading zeros and surrounding spaces are tolerated (DataMiner reads the number)."""
    number = read_id(raw)
    if number.ok:
        return OK if number.at_most(UINT32_MAX) else INVALID
    return number.status


def numeric_id(raw: str | None) -> str | None:
    """The canonical id when the text reads as an unsigned 32-bit integer ('07 ' -> '7'), else None.

    Used to find duplicates: `7`, ` 7` and `07` all name id 7 (the last two are
    also reported as untrimmed or not plain).
    """
    number = read_id(raw)
    return number.digits if number.at_most(UINT32_MAX) else None


def session_label(session) -> str:
    raw = session.element.get("id")
    return f"session {raw.strip()}" if raw and raw.strip() else "session (no id)"


def connection_label(connection_element) -> str:
    raw = connection_element.get("id")
    return f"connection {raw.strip()}" if raw and raw.strip() else "connection (no id)"


@dataclass
class SessionConnection(ModelSessionConnection):
    """The model's `HTTP/Session/Connection` (request, response, headers) plus the session
    it belongs to, for messages."""

    session: object = None  # dmlint.model.Session

    @property
    def where(self) -> str:
        return f"{session_label(self.session)}, {connection_label(self.element)}"


def session_connections(model):
    """Every Connection of every HTTP session, in document order."""
    for session in model.all_sessions:
        for element in children(session.element, "Connection"):
            yield SessionConnection(element, session)


def request_verb(request) -> str | None:
    """The request verb in upper case, or None when the attribute is absent or blank."""
    verb = (request.get("verb") or "").strip()
    return verb.upper() or None


def header_key(header) -> str | None:
    """The trimmed header key, or None when the key is missing or blank."""
    key = (header.get("key") or "").strip()
    return key or None


def line_of(model, element) -> int:
    """The element's line for messages (lxml's, i.e. where its start tag ends; cheap)."""
    return element.sourceline or 1


def duplicate_groups(items):
    """Group (key, element) pairs by key; yield (key, [elements]) for keys seen more than once.

    Keys that are None are skipped. Order: by first occurrence.
    """
    groups: dict[object, list] = {}
    for key, element in items:
        if key is None:
            continue
        groups.setdefault(key, []).append(element)
    for key, elements in groups.items():
        if len(elements) > 1:
            yield key, elements


@dataclass(frozen=True)
class ParamReference:
    """One attribute of an HTTP session that names a parameter by id."""

    element: object
    attribute: str
    check: str  # official check, e.g. "8.9": codes are check + ".1" (no such Param), ".2" (empty), ".3" (invalid)
    what: str  # e.g. "Request pid"
    where: str  # e.g. "session 1, connection 2"
    literal_allowed: bool = False  # session credentials: a non-numeric value is a literal, not a reference

    @property
    def raw(self) -> str | None:
        return self.element.get(self.attribute)


# Session attributes that hold either a literal value or the id of the parameter holding it.
SESSION_ATTRIBUTES = (
    ("password", "8.4"),
    ("userName", "8.5"),
    ("proxyServer", "8.6"),
    ("proxyUser", "8.7"),
    ("proxyPassword", "8.8"),
)


def param_references(model):
    """Every parameter reference of every HTTP session, in document order per session."""
    for session in model.all_sessions:
        label = session_label(session)
        for attribute, check in SESSION_ATTRIBUTES:
            if session.element.get(attribute) is not None:
                yield ParamReference(session.element, attribute, check, f"Session {attribute}", label,
                                     literal_allowed=True)
    for connection in session_connections(model):
        where = connection.where
        request = connection.request
        if request is not None:
            if request.get("pid") is not None:
                yield ParamReference(request, "pid", "8.9", "Request pid", where)
            for data in children(request, "Data"):
                if data.get("pid") is not None:
                    yield ParamReference(data, "pid", "8.10", "Request Data pid", where)
            for header in connection.request_headers:
                if header.get("pid") is not None:
                    key = header_key(header) or "(no key)"
                    yield ParamReference(header, "pid", "8.11", f"request Header '{key}' pid", where)
            for parameter in children(child(request, "Parameters"), "Parameter"):
                if parameter.get("pid") is not None:
                    name = (parameter.get("key") or "").strip()
                    label = f"request Parameter '{name}' pid" if name else "request Parameter pid"
                    yield ParamReference(parameter, "pid", "8.12", label, where)
        response = connection.response
        if response is not None:
            if response.get("statusCode") is not None:
                yield ParamReference(response, "statusCode", "8.13", "Response statusCode", where)
            for content in children(response, "Content"):
                if content.get("pid") is not None:
                    yield ParamReference(content, "pid", "8.14", "Response Content pid", where)
            for header in children(child(response, "Headers"), "Header"):
                if header.get("pid") is not None:
                    key = header_key(header) or "(no key)"
                    yield ParamReference(header, "pid", "8.15", f"response Header '{key}' pid", where)


def request_header_entries(model):
    """(connection, header element, trimmed key or None, verb or None) for every request header."""
    for connection in session_connections(model):
        request = connection.request
        if request is None:
            continue
        verb = request_verb(request)
        for header in connection.request_headers:
            yield connection, header, header_key(header), verb


# Headers DataMiner derives from the request body; a GET or HEAD request has no body.
BODY_HEADERS = ("content-length", "content-type", "transfer-encoding")
BODYLESS_VERBS = ("GET", "HEAD")
BODY_VERBS = ("POST", "PUT")
