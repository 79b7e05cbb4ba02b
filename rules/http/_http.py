"""Helpers shared by the HTTP rules (HTTP001-HTTP019); not a rule itself.

Everything here walks `Protocol/HTTP/Session/Connection/...` and `Protocol/Groups`
by direct child paths, so each rule stays linear in the size of those sections;
parameters and sessions are looked up in the model's dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from dmlint.core.ids import EMPTY, INVALID, MISSING, OK, UINT32_MAX, UNTRIMMED, read_id  # noqa: F401
from dmlint.model import SessionConnection as ModelSessionConnection
from dmlint.model import children


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


def request_header_entries(model) -> list[tuple]:
    """(connection, header element, trimmed key or None, verb or None) for every request header,
    listed once per model (several rules read them)."""
    entries = _HEADER_ENTRIES.get(model)
    if entries is None:
        entries = _HEADER_ENTRIES[model] = [
            (connection, header, header_key(header), verb)
            for connection in session_connections(model) if connection.request is not None
            for verb in (request_verb(connection.request),)
            for header in connection.request_headers]
    return entries


_HEADER_ENTRIES: WeakKeyDictionary = WeakKeyDictionary()  # model -> request_header_entries(model)


# Headers DataMiner derives from the request body; a GET or HEAD request has no body.
BODY_HEADERS = ("content-length", "content-type", "transfer-encoding")
BODYLESS_VERBS = ("GET", "HEAD")
BODY_VERBS = ("POST", "PUT")
