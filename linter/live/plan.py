"""What `dmlint live` and `dmlint serve` would send and expect, resolved from the protocol model.

Pure: no network and no `websockets` import. `resolve_plan(model, ...)` finds the WebSocket
connection, its handshake session, and turns the parameters the session names into a URL and
header values (a `--set PID=VALUE` wins over the parameter's DefaultValue). Headers the
WebSocket library negotiates itself are split off: `Sec-WebSocket-Extensions` becomes an
extension offer, `Sec-WebSocket-Protocol` a subprotocol list. A configuration that cannot be
turned into a request raises `PlanError` (the CLI prints it and exits 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from dmlint.core.ids import INT32_MAX, normalize_id, to_int
from dmlint.model import Connection, ProtocolModel, child, children, text_of

# Headers the library writes for every opening handshake; a protocol cannot set them (WS008).
RESERVED_HEADERS = ("host", "upgrade", "connection", "sec-websocket-key", "sec-websocket-version",
                    "sec-websocket-accept")
EXTENSIONS_HEADER = "sec-websocket-extensions"
SUBPROTOCOL_HEADER = "sec-websocket-protocol"
# A header value is masked in output when its parameter's name (or the header key) suggests a secret.
SECRET_NAME = re.compile(r"pass(word|wd)?|token|key|auth|secret|cookie|credential|bearer", re.IGNORECASE)
DEFAULT_TIMEOUT = 10.0  # seconds, when neither --timeout nor UserSettings/TimeoutTime gives one
SCHEMES = {"ws": "ws", "wss": "wss", "http": "ws", "https": "wss"}
DEFAULT_PORTS = {"ws": 80, "wss": 443}


class PlanError(Exception):
    """The protocol (or the command line) does not describe a request dmlint can send."""


@dataclass
class ExtensionOffer:
    """One extension of a `Sec-WebSocket-Extensions` value: a name and its parameters."""

    name: str
    params: list[tuple[str, str | None]] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join([self.name] + [k if v is None else f"{k}={v}" for k, v in self.params])

    def to_json(self) -> dict:
        return {"name": self.name, "params": {k: v for k, v in self.params}}


@dataclass
class PlannedHeader:
    key: str
    value: str
    param_id: str | None
    param_name: str
    source: str  # "parameter 9 DefaultValue" or "--set 9"
    secret: bool = False

    @property
    def shown(self) -> str:
        return redact(self.value) if self.secret else self.value


@dataclass
class HandshakePlan:
    connection: Connection
    session_id: str | None
    url: str
    url_source: str
    scheme: str
    host: str
    port: int
    resource: str  # path and query, as in the request line
    headers: list[PlannedHeader]  # custom headers sent as they are
    extensions: list[ExtensionOffer]
    extensions_header: PlannedHeader | None
    subprotocols: list[str]
    timeout: float
    timeout_source: str
    bypass_proxy: bool
    notes: list[str] = field(default_factory=list)

    @property
    def secure(self) -> bool:
        return self.scheme == "wss"

    def secret_values(self) -> list[str]:
        return [h.value for h in self.headers if h.secret and h.value]


def redact(value: str) -> str:
    return f"<redacted, {len(value)} characters>"


def is_secret(param_name: str, header_key: str) -> bool:
    return bool(SECRET_NAME.search(param_name or "")) or header_key.strip().lower() in (
        "authorization", "proxy-authorization", "cookie")


def parse_sets(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`PID=VALUE` strings to {normalized pid: value}; PlanError on a malformed one."""
    found: dict[str, str] = {}
    for pair in pairs:
        pid, sep, value = pair.partition("=")
        normalized = normalize_id(pid)
        if not sep or normalized is None:
            raise PlanError(f"--set expects PID=VALUE with a numeric parameter id, got '{pair}'")
        found[normalized] = value
    return found


def split_header_list(value: str) -> list[str]:
    """Split a comma-separated header value, keeping commas inside double quotes."""
    items, current, quoted = [], [], False
    for char in value:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return [item for item in items if item]


def parse_extensions(value: str) -> list[ExtensionOffer]:
    """`permessage-deflate; client_max_window_bits, x-foo` -> offers (RFC 6455 section 9.1 grammar)."""
    offers = []
    for item in split_header_list(value):
        parts = [part.strip() for part in item.split(";")]
        name = parts[0]
        if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
            raise PlanError(f"Sec-WebSocket-Extensions value '{value}' is malformed near '{item}'")
        params: list[tuple[str, str | None]] = []
        for part in parts[1:]:
            if not part:
                continue
            key, sep, raw = part.partition("=")
            key = key.strip()
            raw = raw.strip()
            if len(raw) >= 2 and raw[0] == raw[-1] == '"':
                raw = raw[1:-1]
            params.append((key, raw if sep else None))
        offers.append(ExtensionOffer(name, params))
    return offers


def websocket_connections(model: ProtocolModel) -> list[Connection]:
    return [c for c in model.connections if c.is_websocket]


def choose_connection(model: ProtocolModel, wanted: str | None) -> Connection:
    candidates = websocket_connections(model)
    if wanted is not None:
        normalized = normalize_id(wanted)
        for connection in model.connections:
            if connection.id is not None and connection.id == normalized:
                if not connection.is_websocket:
                    raise PlanError(f"connection {wanted} is not a WebSocket connection "
                                    "(Http/CommunicationOptions/WebSocket is not true)")
                return connection
        known = ", ".join(c.raw_id.strip() for c in candidates if c.raw_id) or "none"
        raise PlanError(f"no connection with id {wanted} (WebSocket connections: {known})")
    if not candidates:
        raise PlanError("the protocol has no WebSocket connection "
                        "(Connections/Connection/Http/CommunicationOptions/WebSocket true)")
    if len(candidates) > 1:
        known = ", ".join((c.raw_id or "?").strip() for c in candidates)
        raise PlanError(f"the protocol has several WebSocket connections ({known}): choose one with --connection")
    return candidates[0]


def _value_of(model: ProtocolModel, raw_pid: str, sets: dict[str, str], what: str) -> tuple[str, str, str]:
    """(value, parameter name, source) for a parameter reference; PlanError when there is no value."""
    pid = normalize_id(raw_pid)
    param = model.param(raw_pid)
    if pid is None or param is None:
        raise PlanError(f"{what} takes its value from parameter '{(raw_pid or '').strip()}', which does not exist")
    if pid in sets:
        return sets[pid], param.name, f"--set {pid}"
    default = param.default_value
    if default is None:
        raise PlanError(f"{what} takes its value from parameter {pid} ({param.name or 'unnamed'}), which has no "
                        f"DefaultValue: give the value with --set {pid}=VALUE")
    return default.strip(), param.name, f"parameter {pid} DefaultValue"


def _port(connection: Connection, port: int | None) -> int:
    if port is not None:
        return port
    raw = connection.user_setting("IPport")
    if not raw:
        raise PlanError(f"{connection.label()} has no UserSettings/IPport default: give the port with --port")
    port = to_int(raw, 65535)
    if not port:
        raise PlanError(f"{connection.label()} has IPport '{raw}', not a port number: give the port with --port")
    return port


def _timeout(connection: Connection, timeout: float | None) -> tuple[float, str]:
    if timeout is not None:
        if timeout <= 0:
            raise PlanError("--timeout must be a positive number of seconds")
        return timeout, "--timeout"
    raw = connection.user_setting("TimeoutTime")
    if raw:
        milliseconds = to_int(raw, INT32_MAX)
        if not milliseconds:
            raise PlanError(f"{connection.label()} has TimeoutTime '{raw}', not a number of milliseconds: "
                            "give one with --timeout SECONDS")
        return milliseconds / 1000.0, "UserSettings/TimeoutTime"
    return DEFAULT_TIMEOUT, "dmlint default"


def _host_part(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def build_url(value: str, scheme: str | None, host: str | None, port: int | None) -> tuple[str, list[str]]:
    """The absolute WebSocket URL for a URL parameter value (relative values join ws://HOST:PORT/)."""
    notes = []
    if "://" in value:
        given = value.split("://", 1)[0].lower()
        if given not in SCHEMES:
            raise PlanError(f"URL '{value}' has scheme '{given}': use ws, wss, http or https")
        parts = urlsplit(value)
        if not parts.hostname:
            raise PlanError(f"URL '{value}' has no host")
        mapped = SCHEMES[given]
        if scheme is not None and scheme != mapped:
            notes.append(f"--scheme {scheme} ignored: the URL value is absolute ({mapped})")
        if host is not None and host != parts.hostname:
            notes.append(f"--host {host} ignored: the URL value is absolute (host {parts.hostname}); "
                         "use --set to give a relative path instead")
        url = mapped + value[len(given):]
        return url, notes
    if host is None:
        raise PlanError(f"the URL value '{value}' is relative: give the device address with --host")
    if port is None:
        raise PlanError("no port: give one with --port")
    scheme = scheme or "ws"
    return f"{scheme}://{_host_part(host)}:{port}/{value.lstrip('/')}", notes


def resolve_plan(model: ProtocolModel, *, host: str | None, port: int | None = None,
                 connection_id: str | None = None, sets: dict[str, str] | None = None,
                 scheme: str | None = None, timeout: float | None = None) -> HandshakePlan:
    sets = sets or {}
    connection = choose_connection(model, connection_id)
    notes: list[str] = []
    timeout_value, timeout_source = _timeout(connection, timeout)
    bus = connection.user_setting("BusAddress") or ""
    bypass = "bypassproxy" in bus.replace(" ", "").lower()

    handshake_element = connection.handshake_element
    session = None
    request = None
    if handshake_element is not None:
        session = model.session(handshake_element.text)
        if session is None:
            raise PlanError(f"WebSocketHandshake of {connection.label()} names no HTTP session (WS001)")
        session_connections = session.connections
        if not session_connections:
            raise PlanError(f"handshake session {session.id} has no Connection")
        if len(session_connections) > 1:
            notes.append(f"handshake session {session.id} has {len(session_connections)} connections; "
                         "using the first (WS003)")
        request = session_connections[0].request
        if request is None:
            raise PlanError(f"handshake session {session.id} has no Request (WS003)")
        verb = (request.get("verb") or "GET").strip().upper()
        if verb != "GET":
            notes.append(f"the request verb is {verb}; a WebSocket opening handshake is always GET")

    needs_port = True
    if request is not None:
        url_ref = session_connections[0].url_reference
        if url_ref is None:
            raise PlanError(f"the handshake request of session {session.id} does not take its URL from a "
                            "parameter (WS005)")
        value, _name, url_source = _value_of(model, url_ref, sets, "the handshake URL")
        needs_port = "://" not in value
    else:
        value, url_source = "", "no custom handshake: the connection's address"
        notes.append(f"{connection.label()} has no custom handshake: DataMiner sends the standard opening "
                     "handshake to the element's address")

    port_value = _port(connection, port) if needs_port else port
    url, url_notes = build_url(value, scheme, host, port_value)
    notes.extend(url_notes)
    parts = urlsplit(url)
    try:
        parsed_port = parts.port
    except ValueError as exc:
        raise PlanError(f"URL '{url}' has an invalid port: {exc}") from None
    real_scheme = parts.scheme
    resource = parts.path or "/"
    if parts.query:
        resource += "?" + parts.query

    headers: list[PlannedHeader] = []
    extensions: list[ExtensionOffer] = []
    extensions_header = None
    subprotocols: list[str] = []
    if request is not None:
        for header in children(child(request, "Headers"), "Header"):
            key = (header.get("key") or "").strip()
            if not key:
                raise PlanError(f"a header of handshake session {session.id} has no key")
            pid = header.get("pid")
            if pid is None or not pid.strip():
                raise PlanError(f"handshake header '{key}' has no pid (WS004)")
            value, name, source = _value_of(model, pid, sets, f"handshake header '{key}'")
            planned = PlannedHeader(key, value, normalize_id(pid), name, source, is_secret(name, key))
            lowered = key.lower()
            if lowered in RESERVED_HEADERS:
                notes.append(f"header '{key}' is not sent: the WebSocket library writes it for every "
                             "handshake (WS008)")
            elif lowered == EXTENSIONS_HEADER:
                extensions.extend(parse_extensions(value))
                extensions_header = planned
            elif lowered == SUBPROTOCOL_HEADER:
                subprotocols.extend(split_header_list(value))
            else:
                headers.append(planned)

    return HandshakePlan(
        connection=connection,
        session_id=session.id if session is not None else None,
        url=url,
        url_source=url_source,
        scheme=real_scheme,
        host=parts.hostname or "",
        port=parsed_port if parsed_port is not None else DEFAULT_PORTS[real_scheme],
        resource=resource,
        headers=headers,
        extensions=extensions,
        extensions_header=extensions_header,
        subprotocols=subprotocols,
        timeout=timeout_value,
        timeout_source=timeout_source,
        bypass_proxy=bypass,
        notes=notes,
    )


@dataclass
class ProbeMessage:
    command: str  # command id
    name: str
    content: str
    binary: bool
    source: str


def first_command_message(model: ProtocolModel, sets: dict[str, str] | None = None) -> ProbeMessage:
    """The first Command's content parameter value, sent as text or binary per WebSocketMessageType."""
    sets = sets or {}
    commands = children(child(model.root, "Commands"), "Command")
    if not commands:
        raise PlanError("--probe command: the protocol has no Commands/Command")
    command = commands[0]
    label = f"command {(command.get('id') or '?').strip()}"
    param_ids = [text_of(p) for p in children(child(command, "Content"), "Param")]
    if not param_ids:
        raise PlanError(f"--probe command: {label} has no Content/Param")
    values = []
    source = []
    for raw in param_ids:
        value, _name, where = _value_of(model, raw, sets, f"--probe command: {label}")
        values.append(value)
        source.append(where)
    message_type = (text_of(child(command, "WebSocketMessageType")) or "binary").lower()
    return ProbeMessage((command.get("id") or "").strip(), text_of(child(command, "Name")) or "",
                        "".join(values), message_type != "text", ", ".join(source))


__all__ = [
    "ExtensionOffer",
    "HandshakePlan",
    "PlanError",
    "PlannedHeader",
    "ProbeMessage",
    "first_command_message",
    "parse_extensions",
    "parse_sets",
    "redact",
    "resolve_plan",
]
