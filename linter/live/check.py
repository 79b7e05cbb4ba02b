"""Perform the opening handshake a protocol describes against a real server, check by check.

The checks, in order: tcp, tls (wss only), handshake, accept, extensions, subprotocol,
probe (optional), close. Each records how long it took and what it saw. The socket is
opened here (directly, or through an HTTP proxy from the environment unless the protocol
says byPassProxy) and wrapped in TLS here, so a timeout names the phase it happened in;
the WebSocket handshake itself, the extension negotiation and the framing are the
`websockets` library's (imported only when a live check runs).
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import ssl
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import unquote, urlsplit

from dmlint.core.engine import LintSettings, run_rules
from dmlint.core.ids import to_int
from dmlint.core.parser import Document, SyntaxProblem, local_name, parse
from dmlint.live.plan import HandshakePlan, PlanError, ProbeMessage, redact

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455 section 1.3
REFUSING_RULES = frozenset({"WS001", "WS004", "WS005"})
# HTTP reference problems refuse too when they are in a handshake session (a header pid naming nothing).
HANDSHAKE_REFERENCE_RULES = frozenset({"HTTP006", "HTTP007"})
CHECK_NAMES = ("tcp", "tls", "handshake", "accept", "extensions", "subprotocol", "probe", "close")
BODY_PREVIEW = 200  # bytes of a rejection body shown


@dataclass
class Check:
    name: str
    status: str  # pass | fail | skip
    ms: float | None
    detail: str

    def to_json(self) -> dict:
        return {"name": self.name, "status": self.status, "ms": self.ms, "detail": self.detail}


@dataclass
class LiveReport:
    plan: HandshakePlan
    checks: list[Check] = field(default_factory=list)
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    response: dict | None = None  # {"status", "reason", "headers": [[k, v]], "body"}
    proxy: str | None = None
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return all(check.status != "fail" for check in self.checks)

    def add(self, name: str, status: str, ms: float | None, detail: str) -> None:
        self.checks.append(Check(name, status, None if ms is None else round(ms, 1), detail))

    def skip_rest(self, reason: str, probe: str) -> None:
        done = {check.name for check in self.checks}
        for name in CHECK_NAMES:
            if name in done:
                continue
            if name == "tls" and not self.plan.secure:
                self.add(name, "skip", None, "ws:// (no TLS)")
            elif name != "probe" or probe != "none":
                self.add(name, "skip", None, reason)


def expected_accept(key: str) -> str:
    """Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + GUID))."""
    return base64.b64encode(hashlib.sha1((key + GUID).encode("ascii")).digest()).decode("ascii")


# ---------------------------------------------------------------------------------------------
# Loading and refusing


def load_protocol(path: str) -> Document:
    """Read and parse a protocol; PlanError (exit 2) when it is not a readable protocol."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise PlanError(f"cannot read {path}: {exc.strerror or exc.__class__.__name__}") from None
    parsed = parse(path, data)
    if isinstance(parsed, SyntaxProblem):
        raise PlanError(f"{path}:{parsed.line}:{parsed.column}: malformed XML: {parsed.message}")
    if local_name(parsed.root.tag) != "Protocol":
        raise PlanError(f"{path}: root element is <{local_name(parsed.root.tag)}>, not <Protocol>")
    return parsed


def blocking_findings(document: Document) -> list:
    """WS001/WS004/WS005 errors, and HTTP006/HTTP007 errors inside a handshake session: with
    these the handshake request cannot be built."""
    findings = run_rules(document, LintSettings(selected=REFUSING_RULES | HANDSHAKE_REFERENCE_RULES))
    sessions = _handshake_sessions(document)
    return [finding for finding in findings if finding.severity == "error" and (
        finding.code in REFUSING_RULES or any(session in sessions for session in finding.element.iterancestors()))]


def _handshake_sessions(document: Document) -> set:
    from dmlint.model import ProtocolModel

    return {session.element for session in ProtocolModel(document).handshake_sessions()}


# ---------------------------------------------------------------------------------------------
# Library glue (lazy imports: `dmlint check` never loads websockets)


def extension_factories(plan: HandshakePlan) -> list:
    """The protocol's extension offer as websockets extension factories; PlanError when impossible."""
    if not plan.extensions:
        return []
    from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory

    factories = []
    for offer in plan.extensions:
        if offer.name.lower() != "permessage-deflate":
            raise PlanError(f"Sec-WebSocket-Extensions offers '{offer.name}': dmlint live can only offer "
                            "permessage-deflate (the extension the websockets library implements)")
        kwargs: dict = {}
        for key, value in offer.params:
            lowered = key.lower()
            if lowered in ("server_no_context_takeover", "client_no_context_takeover"):
                if value is not None:
                    raise PlanError(f"permessage-deflate parameter {key} takes no value (got '{value}')")
                kwargs[lowered] = True
            elif lowered in ("server_max_window_bits", "client_max_window_bits"):
                if value is None:
                    if lowered == "server_max_window_bits":
                        raise PlanError("permessage-deflate parameter server_max_window_bits needs a value 8-15")
                    kwargs[lowered] = True
                elif 8 <= (to_int(value, 15) or 0):
                    kwargs[lowered] = to_int(value, 15)
                else:
                    raise PlanError(f"permessage-deflate parameter {key}={value}: the value must be 8-15")
            else:
                raise PlanError(f"permessage-deflate has no parameter '{key}' (RFC 7692)")
        kwargs.setdefault("client_max_window_bits", None)
        factories.append(ClientPerMessageDeflateFactory(**kwargs))
    return factories


def _client_protocol(plan: HandshakePlan):
    from websockets.client import ClientProtocol
    from websockets.uri import parse_uri

    try:
        uri = parse_uri(plan.url)
    except Exception as exc:
        raise PlanError(f"invalid WebSocket URL '{plan.url}': {exc}") from None
    return ClientProtocol(uri, extensions=extension_factories(plan) or None,
                          subprotocols=plan.subprotocols or None)


def _custom_headers(plan: HandshakePlan):
    from websockets.datastructures import Headers

    return Headers([(header.key, header.value) for header in plan.headers])


def build_request(plan: HandshakePlan):
    """The exact request the library will send (a fresh Sec-WebSocket-Key each time)."""
    protocol = _client_protocol(plan)
    request = protocol.connect()
    request.headers.update(_custom_headers(plan))
    return request


def shown_headers(plan: HandshakePlan, headers) -> list[tuple[str, str]]:
    secret = {h.key.lower() for h in plan.headers if h.secret}
    return [(k, redact(v) if k.lower() in secret else v) for k, v in headers.raw_items()]


# ---------------------------------------------------------------------------------------------
# Proxy


def proxy_for(plan: HandshakePlan) -> str | None:
    """The proxy the environment asks for (None with byPassProxy or when the host is exempt)."""
    if plan.bypass_proxy:
        return None
    if urllib.request.proxy_bypass(f"{plan.host}:{plan.port}") or urllib.request.proxy_bypass(plan.host):
        return None
    proxies = urllib.request.getproxies()
    order = ["wss", "socks", "https", "all"] if plan.secure else ["ws", "socks", "https", "http", "all"]
    for scheme in order:
        if proxies.get(scheme):
            return proxies[scheme]
    return None


def environment_proxies() -> bool:
    return any(urllib.request.getproxies().values())


def _connect_through_proxy(proxy: str, plan: HandshakePlan, deadline: float) -> socket.socket:
    parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
    if parts.scheme != "http":
        raise ProxyProblem(f"proxy {proxy} uses {parts.scheme}://, which dmlint live does not support "
                           "(http:// proxies only): set byPassProxy or unset the proxy variables")
    sock = socket.create_connection((parts.hostname, parts.port or 8080), timeout=_remaining(deadline))
    target = f"{'[' + plan.host + ']' if ':' in plan.host else plan.host}:{plan.port}"
    lines = [f"CONNECT {target} HTTP/1.1", f"Host: {target}"]
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        lines.append("Proxy-Authorization: Basic " + base64.b64encode(credentials).decode("ascii"))
    try:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        answer = b""
        while b"\r\n\r\n" not in answer:
            sock.settimeout(_remaining(deadline))
            chunk = sock.recv(4096)
            if not chunk:
                raise ProxyProblem(f"proxy {proxy} closed the connection without answering CONNECT")
            answer += chunk
            if len(answer) > 65536:
                raise ProxyProblem(f"proxy {proxy} sent an oversized answer to CONNECT")
        status_line = answer.split(b"\r\n", 1)[0].decode("latin-1")
        fields = status_line.split(" ", 2)
        if len(fields) < 2 or fields[1] != "200":
            raise ProxyProblem(f"proxy {proxy} refused CONNECT {target}: {status_line}")
    except BaseException:
        sock.close()
        raise
    return sock


class ProxyProblem(Exception):
    pass


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("timed out")
    return left


# ---------------------------------------------------------------------------------------------
# TLS


def tls_context(ca: str | None, insecure: bool) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=ca)
    if insecure:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _name_of(rdns) -> str:
    parts = []
    for rdn in rdns or ():
        for key, value in rdn:
            if key in ("commonName", "organizationName"):
                parts.append(f"{'CN' if key == 'commonName' else 'O'}={value}")
    return ", ".join(parts) or "(empty)"


def _tls_detail(sock: ssl.SSLSocket, insecure: bool) -> str:
    version = sock.version() or "TLS"
    if insecure:
        return f"{version}, certificate NOT verified (--insecure)"
    cert = sock.getpeercert() or {}
    detail = f"{version}, subject {_name_of(cert.get('subject'))}, issuer {_name_of(cert.get('issuer'))}"
    names = [value for _kind, value in cert.get("subjectAltName", ())]
    if names:
        detail += f", names {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}"
    not_after = cert.get("notAfter")
    if not_after:
        expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(not_after), tz=timezone.utc)
        days = (expires - datetime.now(tz=timezone.utc)).days
        detail += f", expires in {days} days ({expires:%Y-%m-%d})"
    return detail + ", verified"


# ---------------------------------------------------------------------------------------------
# The run


def _ms(start: float) -> float:
    return (time.monotonic() - start) * 1000.0


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _preview(data: bytes | str, limit: int = 80) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return data[:limit].hex() + ("..." if len(data) > limit else "")
    else:
        text = data
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return text[:limit] + ("..." if len(text) > limit else "")


def run_live(plan: HandshakePlan, *, ca: str | None = None, insecure: bool = False, probe: str = "none",
             probe_message: ProbeMessage | None = None) -> LiveReport:
    """Connect, handshake, verify and close; never raises for network trouble (it becomes a failed check)."""
    report = LiveReport(plan)
    factories = extension_factories(plan)  # configuration errors (PlanError) before any network traffic
    protocol = _client_protocol(plan)
    context = None
    if plan.secure:
        try:
            context = tls_context(ca, insecure)
        except (ssl.SSLError, OSError) as exc:
            raise PlanError(f"--ca {ca}: not a usable CA certificate file (PEM): {exc}") from None
    if insecure and plan.secure:
        report.warnings.append("--insecure: the server certificate is not verified; anyone on the path "
                               "could impersonate the server")
    report.proxy = proxy_for(plan)
    if plan.bypass_proxy and environment_proxies():
        report.warnings.append("proxy variables in the environment ignored: the connection has byPassProxy")

    deadline = time.monotonic() + plan.timeout
    sock = None

    # tcp
    start = time.monotonic()
    try:
        if report.proxy:
            sock = _connect_through_proxy(report.proxy, plan, deadline)
            how = f"through proxy {report.proxy}"
        else:
            sock = socket.create_connection((plan.host, plan.port), timeout=_remaining(deadline))
            how = "directly" + (" (byPassProxy)" if plan.bypass_proxy else " (no proxy configured)")
    except ProxyProblem as exc:
        report.add("tcp", "fail", _ms(start), str(exc))
    except TimeoutError:
        report.add("tcp", "fail", _ms(start),
                   f"timed out after {_seconds(plan.timeout)} in phase tcp connecting to {plan.host}:{plan.port}")
    except ConnectionRefusedError:
        target = f"proxy {report.proxy}" if report.proxy else f"{plan.host}:{plan.port}"
        report.add("tcp", "fail", _ms(start), f"connection refused by {target}")
    except socket.gaierror as exc:
        report.add("tcp", "fail", _ms(start), f"cannot resolve host {plan.host}: {exc.strerror or exc}")
    except OSError as exc:
        report.add("tcp", "fail", _ms(start), f"cannot connect to {plan.host}:{plan.port}: {exc.strerror or exc}")
    else:
        peer = sock.getpeername()
        report.add("tcp", "pass", _ms(start), f"connected to {peer[0]}:{peer[1]} {how}")
    if sock is None:
        report.skip_rest("not reached: no TCP connection", probe)
        return report

    # tls
    start = time.monotonic()
    if plan.secure:
        try:
            sock.settimeout(_remaining(deadline))
            sock = context.wrap_socket(sock, server_hostname=plan.host)
        except TimeoutError:
            report.add("tls", "fail", _ms(start), f"timed out after {_seconds(plan.timeout)} in phase tls")
        except ssl.SSLCertVerificationError as exc:
            hint = "" if ca else "; give the issuing CA with --ca FILE (or --insecure to skip verification)"
            report.add("tls", "fail", _ms(start),
                       f"certificate verification failed: {exc.verify_message or exc.reason}{hint}")
        except (ssl.SSLEOFError, ConnectionResetError) as exc:
            report.add("tls", "fail", _ms(start), f"the server closed the connection during the TLS handshake "
                       f"({exc.__class__.__name__}): is it a plain ws:// server?")
        except (ssl.SSLError, OSError) as exc:
            report.add("tls", "fail", _ms(start), f"TLS handshake failed: {exc}")
        else:
            report.add("tls", "pass", _ms(start), _tls_detail(sock, insecure))
        if report.checks[-1].status == "fail":
            sock.close()
            report.skip_rest("not reached: TLS failed", probe)
            return report
    else:
        report.add("tls", "skip", None, "ws:// (no TLS)")

    # handshake
    from websockets.exceptions import ConnectionClosed, InvalidHeader, InvalidStatus, InvalidUpgrade, NegotiationError
    from websockets.sync.client import ClientConnection

    start = time.monotonic()
    sock.settimeout(None)
    connection = ClientConnection(sock, protocol, ping_interval=None, ping_timeout=None,
                                  close_timeout=plan.timeout)
    if hasattr(connection, "pending_legacy_warning"):
        connection.pending_legacy_warning = False
    error: Exception | None = None
    timed_out = False
    try:
        connection.handshake(_custom_headers(plan), None, max(deadline - time.monotonic(), 0.001))
    except TimeoutError:
        timed_out = True
    except Exception as exc:  # the library's verdict; attributed to a check below
        error = exc
    handshake_ms = _ms(start)
    request, response = connection.request, connection.response
    if request is not None:
        report.request_headers = shown_headers(plan, request.headers)
    if response is not None:
        report.response = {
            "status": response.status_code,
            "reason": response.reason_phrase,
            "headers": [[k, v] for k, v in response.headers.raw_items()],
            "body": _preview(response.body or b"", BODY_PREVIEW) if response.body else "",
        }

    def abandon(reason: str) -> LiveReport:
        _drop(connection)
        report.skip_rest(reason, probe)
        return report

    if timed_out:
        report.add("handshake", "fail", handshake_ms,
                   f"timed out after {_seconds(plan.timeout)} in phase handshake: no HTTP response to the "
                   "opening handshake")
        return abandon("not reached: the handshake failed")
    if response is None:
        cause = error.__cause__ if error is not None and error.__cause__ is not None else error
        report.add("handshake", "fail", handshake_ms,
                   "the server closed the connection without a valid HTTP response"
                   + (f" ({cause})" if cause else ""))
        return abandon("not reached: the handshake failed")
    status_line = f"{response.status_code} {response.reason_phrase}"
    if response.status_code != 101 or isinstance(error, InvalidStatus):
        headers = "; ".join(f"{k}: {v}" for k, v in response.headers.raw_items())
        body = _preview(response.body or b"", BODY_PREVIEW)
        report.add("handshake", "fail", handshake_ms,
                   f"HTTP {status_line} (expected 101 Switching Protocols); headers: {headers or 'none'}"
                   + (f"; body: {body}" if body else ""))
        return abandon("not reached: the handshake was rejected")
    if isinstance(error, InvalidUpgrade):
        report.add("handshake", "fail", handshake_ms, f"{status_line} but {error}")
        return abandon("not reached: the handshake failed")
    report.add("handshake", "pass", handshake_ms, status_line)

    # accept (recomputed here, independently of the library)
    key = request.headers.get("Sec-WebSocket-Key", "")
    answered = response.headers.get_all("Sec-WebSocket-Accept")
    expected = expected_accept(key)
    if not answered:
        report.add("accept", "fail", 0.0, "no Sec-WebSocket-Accept header in the response")
    elif len(answered) > 1:
        report.add("accept", "fail", 0.0, f"{len(answered)} Sec-WebSocket-Accept headers in the response")
    elif answered[0] != expected:
        report.add("accept", "fail", 0.0,
                   f"server sent {answered[0]}, expected {expected} = base64(SHA-1(key {key} + GUID))")
    else:
        report.add("accept", "pass", 0.0, f"{expected} = base64(SHA-1(key + GUID))")

    accept_failed = isinstance(error, InvalidHeader) and getattr(error, "name", "").lower() == "sec-websocket-accept"
    if accept_failed or report.checks[-1].status == "fail":
        if report.checks[-1].status != "fail":  # the library disagreed with our computation
            report.checks[-1] = Check("accept", "fail", 0.0, f"rejected by the library: {error}")
        return abandon("not verified: Sec-WebSocket-Accept is wrong, the library closed the connection")

    # extensions and subprotocol
    answered_ext = ", ".join(response.headers.get_all("Sec-WebSocket-Extensions"))
    offered = ", ".join(str(offer) for offer in plan.extensions)
    subprotocol_error = error is not None and (
        "subprotocol" in str(error).lower()
        or (isinstance(error, InvalidHeader) and getattr(error, "name", "").lower() == "sec-websocket-protocol"))
    extension_error = error is not None and not subprotocol_error and (
        isinstance(error, (NegotiationError, InvalidHeader)))
    if extension_error:
        report.add("extensions", "fail", 0.0,
                   f"offered {offered or 'none'}; server answered {answered_ext or 'nothing'}: {error}")
    elif not factories:
        if answered_ext:
            report.add("extensions", "fail", 0.0, f"none offered but the server answered {answered_ext}")
        else:
            report.add("extensions", "skip", None, "none offered")
    elif error is not None and not subprotocol_error:
        report.add("extensions", "skip", None, "not verified: the handshake failed")
    elif answered_ext:
        active = ", ".join(getattr(ext, "name", type(ext).__name__) for ext in connection.protocol.extensions)
        report.add("extensions", "pass", 0.0, f"offered {offered}; negotiated {answered_ext} (active: {active})")
    else:
        report.add("extensions", "pass", 0.0,
                   f"offered {offered}; declined by the server (no Sec-WebSocket-Extensions in the response): "
                   "messages go uncompressed")

    selected = response.headers.get("Sec-WebSocket-Protocol")
    if subprotocol_error:
        report.add("subprotocol", "fail", 0.0,
                   f"offered {', '.join(plan.subprotocols) or 'none'}; "
                   f"server answered {selected or 'nothing'}: {error}")
    elif not plan.subprotocols:
        report.add("subprotocol", "skip", None, "none offered")
    elif error is not None:
        report.add("subprotocol", "skip", None, "not verified: the handshake failed")
    elif selected:
        report.add("subprotocol", "pass", 0.0, f"offered {', '.join(plan.subprotocols)}; server selected {selected}")
    else:
        report.add("subprotocol", "fail", 0.0,
                   f"offered {', '.join(plan.subprotocols)}; the server selected none")

    if error is not None:
        if not extension_error and not subprotocol_error:
            index = next(i for i, check in enumerate(report.checks) if check.name == "handshake")
            report.checks[index] = Check("handshake", "fail", round(handshake_ms, 1),
                                         f"{status_line} but rejected by the library: {error}")
        return abandon("not reached: the handshake failed")

    # probe
    if probe != "none":
        start = time.monotonic()
        status, detail = _probe(connection, probe, probe_message, plan.timeout, ConnectionClosed)
        report.add("probe", status, _ms(start), detail)

    # close
    start = time.monotonic()
    try:
        connection.close(1000)
    except Exception as exc:  # close never raises in practice; report rather than crash
        report.add("close", "fail", _ms(start), f"closing failed: {exc}")
        _drop(connection)
        return report
    received = connection.protocol.close_rcvd
    if received is None:
        report.add("close", "fail", _ms(start),
                   f"sent close 1000; no close frame back within {_seconds(plan.timeout)} (phase close)")
    elif received.code == 1000:
        report.add("close", "pass", _ms(start), "sent close 1000, server answered 1000: clean close")
    else:
        reason = f" ({received.reason})" if received.reason else ""
        report.add("close", "fail", _ms(start), f"sent close 1000, server answered {received.code}{reason}")
    _drop(connection)
    return report


def _drop(connection) -> None:
    """Release the socket and the library's reader thread (bounded wait)."""
    try:
        connection.close_socket()
    except Exception:
        pass
    thread = getattr(connection, "recv_events_thread", None)
    if thread is not None:
        thread.join(5)


def _probe(connection, probe: str, message: ProbeMessage | None, timeout: float, closed_error) -> tuple[str, str]:
    deadline = time.monotonic() + timeout
    try:
        if probe == "command":
            assert message is not None
            payload = message.content.encode("utf-8") if message.binary else message.content
            connection.send(payload)
            kind = "binary" if message.binary else "text"
            sent = f"sent command {message.command} ({message.name or 'unnamed'}) as a {kind} frame: " \
                   f"{_preview(message.content)}"
            answer = connection.recv(timeout=timeout)
            got = "binary" if isinstance(answer, bytes) else "text"
            return "pass", f"{sent}; received a {got} message: {_preview(answer)}"
        # nmos-is07: a health command with a fresh timestamp; its answer carries the timestamp back
        now = time.time()
        stamp = f"{int(now)}:{int((now % 1) * 1e9)}"
        connection.send(json.dumps({"command": "health", "timestamp": stamp}))
        seen = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            answer = connection.recv(timeout=left)
            seen += 1
            text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else answer
            if stamp in text:
                return "pass", f"sent health command with timestamp {stamp}; echoed back: {_preview(text)}"
    except TimeoutError:
        if probe == "command":
            return "fail", f"sent the command; no message back within {_seconds(timeout)} (phase probe)"
        return "fail", (f"sent health command with timestamp {stamp}; not echoed within {_seconds(timeout)} "
                        f"(phase probe, {seen} other message(s) received)")
    except closed_error as exc:
        return "fail", f"the server closed the connection during the probe: {exc}"


# ---------------------------------------------------------------------------------------------
# Output


def _request_line(plan: HandshakePlan) -> str:
    return f"GET {plan.resource} HTTP/1.1"


def report_json(report: LiveReport) -> dict:
    plan = report.plan
    data = {
        "ok": report.ok,
        "url": plan.url,
        "request": {"method": "GET", "url": plan.url, "headers": [[k, v] for k, v in report.request_headers]},
        "response": None if report.response is None else {
            "status": report.response["status"], "reason": report.response["reason"],
            "headers": report.response["headers"], "body": report.response["body"]},
        "checks": [check.to_json() for check in report.checks],
        "connection": plan.connection.raw_id.strip() if plan.connection.raw_id else None,
        "session": plan.session_id,
        "extensions_offered": [offer.to_json() for offer in plan.extensions],
        "subprotocols_offered": plan.subprotocols,
        "proxy": {"used": report.proxy is not None, "address": report.proxy, "bypass": plan.bypass_proxy},
        "timeout": plan.timeout,
        "notes": plan.notes,
        "warnings": report.warnings,
    }
    if report.dry_run:
        data["dry_run"] = True
    return data


def report_text(report: LiveReport) -> str:
    plan = report.plan
    lines = []
    where = plan.connection.label()
    if plan.session_id is not None:
        where += f", handshake session {plan.session_id}"
    lines.append(f"{'dry run' if report.dry_run else 'live'}: {plan.url} ({where}; URL from {plan.url_source})")
    if report.proxy:
        lines.append(f"proxy: {report.proxy} (from the environment)")
    elif plan.bypass_proxy:
        lines.append("proxy: none (byPassProxy: connect directly, environment proxies ignored)")
    else:
        lines.append("proxy: none configured")
    for note in plan.notes:
        lines.append(f"note: {note}")
    for warning in report.warnings:
        lines.append(f"warning: {warning}")
    if report.request_headers:
        lines.append("")
        lines.append("request:")
        lines.append(f"  > {_request_line(plan)}")
        lines.extend(f"  > {k}: {v}" for k, v in report.request_headers)
    if plan.extensions:
        lines.append(f"  offered extensions: {', '.join(str(o) for o in plan.extensions)}")
    if plan.subprotocols:
        lines.append(f"  offered subprotocols: {', '.join(plan.subprotocols)}")
    if report.response is not None:
        lines.append("response:")
        lines.append(f"  < HTTP/1.1 {report.response['status']} {report.response['reason']}")
        lines.extend(f"  < {k}: {v}" for k, v in report.response["headers"])
    if report.dry_run:
        lines.append("")
        lines.append("dry run: nothing was sent (a new Sec-WebSocket-Key is generated for each handshake)")
        return "\n".join(lines)
    lines.append("")
    for check in report.checks:
        ms = "" if check.ms is None else f"{check.ms:.1f} ms"
        lines.append(f"{check.status:<4}  {check.name:<11} {ms:>10}  {check.detail}")
    counts = {status: sum(1 for c in report.checks if c.status == status) for status in ("pass", "fail", "skip")}
    verdict = "ok" if report.ok else "FAILED"
    lines.append("")
    lines.append(f"{verdict}: {counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    return "\n".join(lines)


def dry_run(plan: HandshakePlan) -> LiveReport:
    report = LiveReport(plan, dry_run=True)
    request = build_request(plan)
    report.request_headers = shown_headers(plan, request.headers)
    report.proxy = proxy_for(plan)
    if plan.bypass_proxy and environment_proxies():
        report.warnings.append("proxy variables in the environment ignored: the connection has byPassProxy")
    return report
