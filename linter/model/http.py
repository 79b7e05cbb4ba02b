"""HTTP sessions (`Protocol/HTTP/Session`) and the WebSocket handshakes that name them."""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.core.ids import normalize_id
from dmlint.model.connections import Connection
from dmlint.model.elements import child, children


@dataclass
class SessionConnection:
    """An `HTTP/Session/Connection`: one request and optionally one response."""

    element: object

    @property
    def request(self):
        return child(self.element, "Request")

    @property
    def response(self):
        return child(self.element, "Response")

    @property
    def url_reference(self) -> str | None:
        """The raw id of the URL parameter: `Request@pid`, else a numeric `Request@url`."""
        request = self.request
        if request is None:
            return None
        pid = request.get("pid")
        if pid is not None:
            return pid
        url = request.get("url")
        return url if normalize_id(url) is not None else None

    @property
    def request_headers(self) -> list:
        return children(child(self.request, "Headers"), "Header")


@dataclass
class Session:
    element: object
    id: str | None

    @property
    def connections(self) -> list[SessionConnection]:
        return [SessionConnection(el) for el in children(self.element, "Connection")]


@dataclass
class Handshake:
    """A connection's `WebSocketHandshake` and the HTTP session it names (None if none)."""

    connection: Connection
    element: object  # the WebSocketHandshake element
    session: Session | None


