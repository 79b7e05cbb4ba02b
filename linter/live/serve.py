"""`dmlint serve`: a loopback WebSocket server that expects what a protocol's handshake sends.

It accepts an opening handshake only when the request path and every custom header value
match the protocol (404 for another path, 403 for a missing or different header; the
websockets library answers 400/426 to requests that are not valid WebSocket handshakes),
negotiates permessage-deflate and subprotocols when the protocol offers them, and echoes
every message. An NMOS IS-07 health command gets an IS-07 style health answer carrying the
command's timestamp, so `dmlint live --probe nmos-is07` works against it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from dmlint.live.plan import HandshakePlan, redact


@dataclass
class Seen:
    """One handshake the server answered (for logs and tests)."""

    path: str
    headers: list[tuple[str, str]]
    status: int
    reason: str


def health_answer(message) -> str | None:
    """An IS-07 health message answering a health command, or None when it is not one."""
    if not isinstance(message, str):
        return None
    try:
        data = json.loads(message)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("command") != "health" or "timestamp" not in data:
        return None
    now = time.time()
    return json.dumps({"message_type": "health", "timing": {
        "origin_timestamp": str(data["timestamp"]),
        "creation_timestamp": f"{int(now)}:{int((now % 1) * 1e9)}",
    }})


@dataclass
class ReferenceServer:
    plan: HandshakePlan
    host: str = "127.0.0.1"
    port: int = 0
    log: Callable[[str], None] = lambda line: None
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self):
        self._server = None
        self._thread = None
        self._rejected: set[int] = set()

    @property
    def expected_path(self) -> str:
        return self.plan.resource

    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.bound_port}{self.expected_path}"

    @property
    def bound_port(self) -> int:
        return self._server.socket.getsockname()[1]

    def _verdict(self, request_path: str, headers) -> tuple[int, str] | None:
        expected = self.expected_path
        wanted_path = expected if "?" in expected else expected.split("?", 1)[0]
        got_path = request_path if "?" in expected else urlsplit(request_path).path
        if got_path != wanted_path:
            return 404, f"no WebSocket endpoint at {request_path}: this protocol's handshake uses {expected}\n"
        for header in self.plan.headers:
            values = headers.get_all(header.key)
            if not values:
                return 403, f"missing header {header.key} (the protocol sends parameter {header.param_id})\n"
            if values[0] != header.value:
                got = redact(values[0]) if header.secret else values[0]
                return 403, f"header {header.key} is '{got}', this protocol sends '{header.shown}'\n"
        return None

    def _process_request(self, connection, request):
        verdict = self._verdict(request.path, request.headers)
        headers = [(k, v) for k, v in request.headers.raw_items()]
        if verdict is None:
            return None
        status, text = verdict
        self._rejected.add(id(connection))
        self._record(request.path, headers, status, text.strip(), connection)
        return connection.respond(status, text)

    def _process_response(self, connection, request, response):
        if id(connection) in self._rejected:  # already logged with its reason
            self._rejected.discard(id(connection))
            return
        headers = [(k, v) for k, v in request.headers.raw_items()]
        detail = response.reason_phrase
        if response.status_code == 101:
            extensions = response.headers.get("Sec-WebSocket-Extensions")
            detail += f" (extensions: {extensions or 'none'})"
        self._record(request.path, headers, response.status_code, detail, connection)
        return

    def _record(self, path, headers, status, detail, connection) -> None:
        self.seen.append(Seen(path, headers, status, detail))
        try:
            peer = connection.remote_address
            who = f"{peer[0]}:{peer[1]}"
        except Exception:
            who = "?"
        self.log(f"{who} GET {path} -> {status} {detail}")

    def _handler(self, websocket) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            for message in websocket:
                websocket.send(health_answer(message) or message)
        except ConnectionClosed:
            pass

    def start(self) -> str:
        from websockets.sync.server import serve

        compression = "deflate" if any(o.name.lower() == "permessage-deflate" for o in self.plan.extensions) else None
        self._server = serve(
            self._handler, self.host, self.port,
            process_request=self._process_request,
            process_response=self._process_response,
            compression=compression,
            subprotocols=self.plan.subprotocols or None,
            server_header="dmlint-serve",
            ping_interval=None,
            open_timeout=10,
            close_timeout=5,
        )
        self._thread = threading.Thread(target=self._server.serve_forever, name="dmlint-serve", daemon=True)
        self._thread.start()
        return self.url()

    def stop(self, timeout: float = 10.0) -> None:
        """Close the listening socket and the open connections, waiting at most `timeout`
        seconds: a client that opened a TCP connection and never sent its handshake would
        otherwise hold the shutdown for the whole open_timeout."""
        deadline = time.monotonic() + timeout
        if self._server is not None:
            closer = threading.Thread(target=self._server.shutdown, name="dmlint-serve-stop", daemon=True)
            closer.start()
            closer.join(max(0.0, deadline - time.monotonic()))
        if self._thread is not None:
            self._thread.join(max(0.0, deadline - time.monotonic()))
