"""`dmlint serve`: the reference server, run as the installed script, tested with `dmlint live` and a plain client."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
import urllib.request
from urllib.error import HTTPError

import pytest

from conftest import EXAMPLES, dmlint_executable
from live_support import CUSTOM, checks_of, clean_env, run_cli, run_live_json, variant

START_TIMEOUT = 20.0  # seconds for the server to print its URL


class ServeProcess:
    def __init__(self, *args: str):
        self.proc = subprocess.Popen([dmlint_executable(), "serve", *map(str, args)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=clean_env())
        self.url = self._read_url()
        self.port = int(self.url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])

    def _read_url(self) -> str:
        selector = selectors.DefaultSelector()
        selector.register(self.proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while time.monotonic() < deadline:
                if not selector.select(timeout=deadline - time.monotonic()):
                    break
                line = self.proc.stdout.readline()
                if not line:
                    break
                if "listening on " in line:
                    return line.split("listening on ", 1)[1].strip()
        finally:
            selector.close()
        self.stop()
        raise AssertionError(f"dmlint serve did not print its URL: {self.proc.stderr.read()}")

    def stop(self, sig=signal.SIGTERM, timeout: float = 10) -> tuple[int, str, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate(timeout=5)
            raise AssertionError("dmlint serve did not stop on the signal") from None
        return self.proc.returncode, out, err


@pytest.fixture
def served():
    started = []

    def start(*args):
        server = ServeProcess(*args)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            if server.proc.poll() is None:
                server.proc.kill()
                server.proc.communicate(timeout=5)


def test_serve_prints_url_and_accepts_dmlint_live(served):
    server = served(CUSTOM, "--port", "0")
    assert server.url == f"ws://127.0.0.1:{server.port}/events/ws"
    code, data, stderr = run_live_json(str(CUSTOM), "--host", "127.0.0.1", "--port", str(server.port),
                                       "--probe", "command")
    assert code == 0, (data, stderr)
    checks = checks_of(data)
    assert checks["extensions"]["status"] == "pass"
    assert "negotiated permessage-deflate" in checks["extensions"]["detail"]
    assert "ping from dmlint" in checks["probe"]["detail"]  # echoed
    assert checks["close"]["status"] == "pass"
    rc, out, err = server.stop()
    assert rc == 0
    assert "stopped" in out
    assert "GET /events/ws -> 101" in err  # the server's log of the handshake
    assert "s3cret-T0ken-value" not in out + err


def test_serve_answers_the_nmos_is07_probe(served):
    server = served(EXAMPLES / "websocket-handshake.xml", "--port", "0")
    assert server.url.endswith("/x-nmos/events/ws")
    code, data, _ = run_live_json(str(EXAMPLES / "websocket-handshake.xml"), "--host", "127.0.0.1",
                                  "--port", str(server.port), "--probe", "nmos-is07")
    assert code == 0, data
    assert "echoed back" in checks_of(data)["probe"]["detail"]
    # the example's first command is a text frame with a fixed health command; serve answers it
    code, data, _ = run_live_json(str(EXAMPLES / "websocket-handshake.xml"), "--host", "127.0.0.1",
                                  "--port", str(server.port), "--probe", "command")
    assert code == 0, data
    probe = checks_of(data)["probe"]["detail"]
    assert "as a text frame" in probe and '"origin_timestamp": "0:0"' in probe


def test_serve_rejects_wrong_path_and_headers_for_dmlint_live(served, tmp_path):
    server = served(CUSTOM, "--port", "0")
    code, data, _ = run_live_json(str(CUSTOM), "--host", "127.0.0.1", "--port", str(server.port),
                                  "--set", "8=elsewhere")
    assert code == 1 and data["response"]["status"] == 404
    code, data, _ = run_live_json(str(CUSTOM), "--host", "127.0.0.1", "--port", str(server.port),
                                  "--set", "12=someone-else")
    assert code == 1 and data["response"]["status"] == 403
    assert "header X-Client is 'someone-else'" in checks_of(data)["handshake"]["detail"]


def test_serve_with_a_plain_websockets_client(served):
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    server = served(CUSTOM, "--port", "0")
    good = {"X-Client": "dmlint-test-client", "X-Api-Key": "s3cret-T0ken-value"}
    with connect(server.url, additional_headers=good, open_timeout=5, close_timeout=5, proxy=None) as ws:
        ws.send("hello")
        assert ws.recv(timeout=5) == "hello"
        ws.send(b"\x00\x01binary")
        assert ws.recv(timeout=5) == b"\x00\x01binary"
        assert ws.response.headers["Server"] == "dmlint-serve"

    base = server.url.rsplit("/events/ws", 1)[0]
    cases = [
        (base + "/wrong", good, 404, "this protocol's handshake uses /events/ws"),
        (server.url, {"X-Client": "dmlint-test-client"}, 403, "missing header X-Api-Key"),
        (server.url, {**good, "X-Api-Key": "guess"}, 403, "header X-Api-Key is '<redacted"),
    ]
    for url, headers, status, text in cases:
        with pytest.raises(InvalidStatus) as caught:
            with connect(url, additional_headers=headers, open_timeout=5, proxy=None):
                pass
        assert caught.value.response.status_code == status
        assert text in caught.value.response.body.decode()


def test_serve_answers_a_plain_http_request_with_an_error_status(served):
    server = served(CUSTOM, "--port", "0")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}/events/ws",
                                     headers={"X-Client": "dmlint-test-client", "X-Api-Key": "s3cret-T0ken-value"})
    with pytest.raises(HTTPError) as caught:
        opener.open(request, timeout=5)
    assert caught.value.code in (400, 426)


def test_serve_stops_on_ctrl_c(served):
    server = served(CUSTOM, "--port", "0")
    rc, out, _ = server.stop(sig=signal.SIGINT)
    assert rc == 0 and "stopped" in out


def test_serve_stops_promptly_on_sigterm_with_clients_connected(served):
    """Issue 12, problem 8: `dmlint serve` took seconds to stop on SIGTERM."""
    import socket

    from websockets.sync.client import connect

    server = served(EXAMPLES / "websocket-handshake.xml", "--port", "0")
    stalled = socket.create_connection(("127.0.0.1", server.port), timeout=5)  # never sends a handshake
    try:
        with connect(server.url, open_timeout=5, close_timeout=1):  # an open WebSocket connection
            time.sleep(0.3)  # both connections reach the server's handlers
            started = time.monotonic()
            rc, out, _ = server.stop()
            elapsed = time.monotonic() - started
    finally:
        stalled.close()
    assert rc == 0 and "dmlint serve: stopped" in out
    assert elapsed < 1.0, f"took {elapsed:.2f} s to stop"


def test_serve_refuses_a_protocol_with_handshake_errors(tmp_path):
    protocol = variant(tmp_path, '<Header key="X-Api-Key" pid="13"/>', '<Header key="X-Api-Key" pid="99"/>')
    result = run_cli("serve", protocol, "--port", "0", timeout=30)
    assert result.returncode == 2
    assert "HTTP006" in result.stderr


def test_serve_reports_a_busy_port(served):
    first = served(CUSTOM, "--port", "0")
    result = run_cli("serve", CUSTOM, "--port", str(first.port), timeout=30)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{first.port}" in result.stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_serve_default_port_comes_from_ipport(tmp_path, served):
    # IPport of a throwaway copy points at a port we know is free right now.
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    protocol = variant(tmp_path, "<IPport><DefaultValue>8050</DefaultValue></IPport>",
                       f"<IPport><DefaultValue>{port}</DefaultValue></IPport>")
    server = served(protocol)
    assert server.port == port
