"""Loopback servers and a runner for the `dmlint live` / `dmlint serve` tests.

Every server binds 127.0.0.1 port 0, runs in a daemon thread, has bounded waits and is
stopped by its fixture in a `finally`. Nothing here touches a non-loopback address.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import socket
import subprocess
import threading
import time
from pathlib import Path

from conftest import PROTOCOLS, dmlint_executable

LIVE_FIXTURES = PROTOCOLS / "live"
CUSTOM = LIVE_FIXTURES / "custom-headers.xml"
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "ws_proxy", "wss_proxy", "socks_proxy")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without any proxy variable (so the host's settings cannot leak in), plus extra."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in PROXY_VARS}
    env.update(extra)
    return env


def run_cli(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The installed `dmlint` script, text output, bounded."""
    return subprocess.run([dmlint_executable(), *map(str, args)], capture_output=True, text=True, check=False,
                          env=env if env is not None else clean_env(), timeout=timeout)


def run_live_json(*args: str, env: dict | None = None, timeout: float = 60) -> tuple[int, dict, str]:
    result = run_cli("live", *args, "--format", "json", env=env, timeout=timeout)
    try:
        data = json.loads(result.stdout)
    except ValueError:
        raise AssertionError(f"not JSON (exit {result.returncode}): {result.stdout!r} {result.stderr!r}") from None
    return result.returncode, data, result.stderr


def checks_of(data: dict) -> dict[str, dict]:
    return {check["name"]: check for check in data["checks"]}


def variant(tmp_path: Path, old: str, new: str, source: Path = CUSTOM, name: str = "variant.xml") -> Path:
    """A copy of a fixture protocol with one textual change (asserted to apply)."""
    text = source.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {source.name}"
    target = tmp_path / name
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


def accept_for(key: str) -> str:
    return base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()


class RecordingServer:
    """A plain websockets server that records each handshake request and echoes (or ignores) messages."""

    def __init__(self, compression: str | None = "deflate", echo: bool = True, ssl_context=None,
                 subprotocols=None):
        from websockets.sync.server import serve

        self.requests: list[tuple[str, dict[str, str]]] = []
        self.messages: list = []
        self.echo = echo
        self._server = serve(self._handler, "127.0.0.1", 0, process_request=self._record,
                             compression=compression, ssl=ssl_context, subprotocols=subprotocols,
                             ping_interval=None, open_timeout=5, close_timeout=2)
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _record(self, connection, request):
        self.requests.append((request.path, {k.lower(): v for k, v in request.headers.raw_items()}))

    def _handler(self, websocket):
        from websockets.exceptions import ConnectionClosed

        try:
            for message in websocket:
                self.messages.append(message)
                if self.echo:
                    websocket.send(message)
        except ConnectionClosed:
            pass

    def stop(self):
        self._server.shutdown()
        self._thread.join(10)


class RawServer:
    """A TCP listener whose behaviour per connection is a function (sock) -> None.

    `connections` counts accepted connections; `received` keeps what each one sent first.
    """

    def __init__(self, behaviour):
        self.behaviour = behaviour
        self.connections = 0
        self.received: list[bytes] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self):
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            self._open.append(sock)
            sock.settimeout(5)
            threading.Thread(target=self._serve_one, args=(sock,), daemon=True).start()

    def _serve_one(self, sock):
        try:
            self.behaviour(self, sock)
        except OSError:
            pass

    def read_request(self, sock) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
        self.received.append(data)
        return data

    def stop(self):
        self._stop.set()
        self._thread.join(5)
        self._listener.close()
        for sock in self._open:
            try:
                sock.close()
            except OSError:
                pass


def silent(server: RawServer, sock) -> None:
    """Accept TCP and never answer (until the test stops the server)."""
    server._stop.wait(30)


def hang_up(server: RawServer, sock) -> None:
    """Read the request and close without answering."""
    server.read_request(sock)
    sock.close()


def wrong_accept(server: RawServer, sock) -> None:
    server.read_request(sock)
    sock.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 b"Sec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
    server._stop.wait(10)


def unoffered_extension_parameter(server: RawServer, sock) -> None:
    """A correct 101 whose permessage-deflate answer has a parameter the client never offered (RFC 7692)."""
    request = server.read_request(sock).decode("latin-1")
    key = next(line.split(":", 1)[1].strip() for line in request.split("\r\n")
               if line.lower().startswith("sec-websocket-key:"))
    sock.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Accept: {accept_for(key)}\r\n"
                  "Sec-WebSocket-Extensions: permessage-deflate; x_unknown_param\r\n\r\n").encode("latin-1"))
    server._stop.wait(10)


def refusing_proxy(server: RawServer, sock) -> None:
    """Stands in for an HTTP proxy: records the CONNECT and refuses it."""
    server.read_request(sock)
    sock.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")


def free_port() -> int:
    """A port nothing listens on (bound then released; used for 'connection refused')."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
