"""`dmlint live` against real loopback servers, run through the installed `dmlint` script."""

from __future__ import annotations

import ssl
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES
from live_support import (
    CUSTOM,
    RawServer,
    RecordingServer,
    checks_of,
    clean_env,
    free_port,
    hang_up,
    refusing_proxy,
    run_cli,
    run_live_json,
    silent,
    unoffered_extension_parameter,
    variant,
    wrong_accept,
)

SECRET = "s3cret-T0ken-value"


@pytest.fixture
def ws_server():
    server = RecordingServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def make_server():
    started = []

    def start(**kwargs):
        server = RecordingServer(**kwargs)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def make_raw():
    started = []

    def start(behaviour):
        server = RawServer(behaviour)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


def live_args(port: int, *extra: str, protocol=CUSTOM) -> list[str]:
    return [str(protocol), "--host", "127.0.0.1", "--port", str(port), *extra]


# ------------------------------------------------------------------------------------------ success


def test_success_sends_custom_headers_and_every_check_passes(ws_server):
    code, data, stderr = run_live_json(*live_args(ws_server.port, "--probe", "command"))
    assert code == 0, (data, stderr)
    assert data["ok"] is True
    # The server saw the protocol's path and header values.
    assert len(ws_server.requests) == 1
    path, headers = ws_server.requests[0]
    assert path == "/events/ws"
    assert headers["x-client"] == "dmlint-test-client"
    assert headers["x-api-key"] == SECRET
    assert headers["sec-websocket-extensions"] == "permessage-deflate; client_max_window_bits"
    assert "user-agent" not in headers  # only the standard and the protocol's headers go out
    checks = checks_of(data)
    assert [c["name"] for c in data["checks"]] == ["tcp", "tls", "handshake", "accept", "extensions",
                                                    "subprotocol", "probe", "close"]
    for name in ("tcp", "handshake", "accept", "extensions", "probe", "close"):
        assert checks[name]["status"] == "pass", checks[name]
        assert isinstance(checks[name]["ms"], (int, float))
    assert checks["tls"]["status"] == "skip"
    assert checks["subprotocol"]["status"] == "skip"
    assert data["response"]["status"] == 101
    assert data["url"] == f"ws://127.0.0.1:{ws_server.port}/events/ws"
    assert data["request"]["method"] == "GET"
    # The binary command (no WebSocketMessageType) went out as bytes and came back.
    assert ws_server.messages == [b"ping from dmlint"]
    assert "binary frame" in checks["probe"]["detail"]
    assert "1000" in checks["close"]["detail"]


def test_secret_header_value_is_redacted_in_text_and_json(ws_server):
    text = run_cli("live", *live_args(ws_server.port))
    assert text.returncode == 0, text.stdout + text.stderr
    code, data, _ = run_live_json(*live_args(ws_server.port))
    assert code == 0
    for output in (text.stdout, str(data)):
        assert SECRET not in output
        assert "<redacted, 18 characters>" in output
    assert "dmlint-test-client" in text.stdout  # an ordinary header is shown as is
    assert all(headers["x-api-key"] == SECRET for _, headers in ws_server.requests)


def test_text_output_shows_request_and_one_line_per_check(ws_server):
    result = run_cli("live", *live_args(ws_server.port))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> GET /events/ws HTTP/1.1" in out
    assert f"> Host: 127.0.0.1:{ws_server.port}" in out
    assert "< HTTP/1.1 101 Switching Protocols" in out
    lines = [line for line in out.splitlines() if line.split()[:1] in (["pass"], ["fail"], ["skip"])]
    assert [line.split()[1] for line in lines] == ["tcp", "tls", "handshake", "accept", "extensions",
                                                   "subprotocol", "close"]
    assert out.rstrip().splitlines()[-1].startswith("ok:")


# ------------------------------------------------------------------------------------------ extensions


def test_extension_accepted_is_reported_with_parameters(make_server):
    server = make_server(compression="deflate")
    code, data, _ = run_live_json(*live_args(server.port))
    assert code == 0
    detail = checks_of(data)["extensions"]["detail"]
    assert checks_of(data)["extensions"]["status"] == "pass"
    assert "offered permessage-deflate; client_max_window_bits" in detail
    assert "negotiated permessage-deflate" in detail
    answered = {k.lower(): v for k, v in data["response"]["headers"]}
    assert answered["sec-websocket-extensions"].startswith("permessage-deflate")
    assert data["extensions_offered"] == [{"name": "permessage-deflate", "params": {"client_max_window_bits": None}}]


def test_extension_declined_is_reported_as_declined(make_server):
    server = make_server(compression=None)
    code, data, _ = run_live_json(*live_args(server.port))
    assert code == 0
    extensions = checks_of(data)["extensions"]
    assert extensions["status"] == "pass"
    assert "declined by the server" in extensions["detail"]
    assert not any(k.lower() == "sec-websocket-extensions" for k, _ in data["response"]["headers"])
    # the offer still went out, as one header built by the library
    _, headers = server.requests[0]
    assert headers["sec-websocket-extensions"] == "permessage-deflate; client_max_window_bits"


def test_extension_answer_with_unoffered_parameter_fails_extensions(make_raw):
    server = make_raw(unoffered_extension_parameter)
    code, data, _ = run_live_json(*live_args(server.port))
    assert code == 1
    checks = checks_of(data)
    assert checks["handshake"]["status"] == "pass"
    assert checks["accept"]["status"] == "pass"
    assert checks["extensions"]["status"] == "fail"
    assert "offered permessage-deflate; client_max_window_bits" in checks["extensions"]["detail"]
    assert "server answered permessage-deflate; x_unknown_param" in checks["extensions"]["detail"]
    assert checks["close"]["status"] == "skip"


def test_no_extension_offered_when_protocol_has_none(make_server, tmp_path):
    protocol = variant(tmp_path, '<Header key="Sec-WebSocket-Extensions" pid="9"/>', "")
    server = make_server(compression="deflate")
    code, data, _ = run_live_json(*live_args(server.port, protocol=protocol))
    assert code == 0
    _, headers = server.requests[0]
    assert "sec-websocket-extensions" not in headers  # the library's default offer is not added
    assert checks_of(data)["extensions"]["status"] == "skip"


def test_subprotocol_becomes_the_library_offer(make_server, tmp_path):
    protocol = variant(tmp_path, '<Header key="X-Client" pid="12"/>',
                       '<Header key="X-Client" pid="12"/><Header key="Sec-WebSocket-Protocol" pid="14"/>')
    protocol = variant(tmp_path, '<Param id="220">',
                       '<Param id="14"><Name>Proto</Name><Interprete><DefaultValue>v2.events, v1.events'
                       '</DefaultValue></Interprete></Param><Param id="220">', source=protocol, name="sub.xml")
    server = make_server(subprotocols=["v1.events"])
    code, data, _ = run_live_json(*live_args(server.port, protocol=protocol))
    assert code == 0, data
    assert server.requests[0][1]["sec-websocket-protocol"] == "v2.events, v1.events"
    sub = checks_of(data)["subprotocol"]
    assert sub["status"] == "pass" and "server selected v1.events" in sub["detail"]


# ------------------------------------------------------------------------------------------ failures


def test_wrong_path_is_a_failed_handshake_with_404(tmp_path):
    from dmlint.live.check import load_protocol
    from dmlint.live.plan import resolve_plan
    from dmlint.live.serve import ReferenceServer
    from dmlint.model import build_model

    plan = resolve_plan(build_model(load_protocol(str(CUSTOM))), host="127.0.0.1", port=0)
    server = ReferenceServer(plan)
    server.start()
    try:
        code, data, _ = run_live_json(*live_args(server.bound_port, "--set", "8=not/here"))
    finally:
        server.stop()
    assert code == 1
    handshake = checks_of(data)["handshake"]
    assert handshake["status"] == "fail"
    assert "HTTP 404" in handshake["detail"]
    assert "no WebSocket endpoint at /not/here" in handshake["detail"]  # the first bytes of the body
    assert data["response"]["status"] == 404
    assert checks_of(data)["accept"]["status"] == "skip"


def test_missing_header_is_a_failed_handshake_with_403(tmp_path):
    from dmlint.live.check import load_protocol
    from dmlint.live.plan import resolve_plan
    from dmlint.live.serve import ReferenceServer
    from dmlint.model import build_model

    plan = resolve_plan(build_model(load_protocol(str(CUSTOM))), host="127.0.0.1", port=0)
    server = ReferenceServer(plan)
    server.start()
    without = variant(tmp_path, '<Header key="X-Api-Key" pid="13"/>', "")
    try:
        code, data, _ = run_live_json(*live_args(server.bound_port, protocol=without))
    finally:
        server.stop()
    assert code == 1
    handshake = checks_of(data)["handshake"]
    assert handshake["status"] == "fail" and "HTTP 403" in handshake["detail"]
    assert "missing header X-Api-Key" in handshake["detail"]


def test_connection_refused():
    code, data, _ = run_live_json(*live_args(free_port()))
    assert code == 1
    tcp = checks_of(data)["tcp"]
    assert tcp["status"] == "fail" and "connection refused" in tcp["detail"]
    assert all(c["status"] == "skip" for c in data["checks"][1:])


def test_server_that_never_answers_times_out_in_the_handshake_phase(make_raw):
    server = make_raw(silent)
    started = time.monotonic()
    code, data, _ = run_live_json(*live_args(server.port, "--timeout", "1"))
    elapsed = time.monotonic() - started
    assert code == 1
    assert server.connections == 1
    checks = checks_of(data)
    assert checks["tcp"]["status"] == "pass"
    handshake = checks["handshake"]
    assert handshake["status"] == "fail"
    assert "timed out after 1 s in phase handshake" in handshake["detail"]
    assert 500 <= handshake["ms"] < 3000  # waited about the timeout, not forever
    assert elapsed < 10  # process start included; the wait itself is bounded by --timeout


def test_tls_server_that_never_answers_times_out_in_the_tls_phase(make_raw):
    server = make_raw(silent)
    code, data, _ = run_live_json(*live_args(server.port, "--timeout", "1", "--scheme", "wss"))
    assert code == 1
    tls = checks_of(data)["tls"]
    assert tls["status"] == "fail" and "phase tls" in tls["detail"]


def test_server_that_hangs_up_fails_the_handshake(make_raw):
    server = make_raw(hang_up)
    code, data, _ = run_live_json(*live_args(server.port))
    assert code == 1
    assert server.received and server.received[0].startswith(b"GET /events/ws HTTP/1.1\r\n")
    handshake = checks_of(data)["handshake"]
    assert handshake["status"] == "fail"
    assert "closed the connection without a valid HTTP response" in handshake["detail"]
    assert data["response"] is None


def test_wrong_sec_websocket_accept_fails_the_accept_check(make_raw):
    server = make_raw(wrong_accept)
    code, data, _ = run_live_json(*live_args(server.port))
    assert code == 1
    checks = checks_of(data)
    assert checks["handshake"]["status"] == "pass"  # the server did answer 101
    accept = checks["accept"]
    assert accept["status"] == "fail"
    assert "server sent dGhlIHNhbXBsZSBub25jZQ==, expected" in accept["detail"]
    # recompute the expectation independently from the key that went out
    key = dict(data["request"]["headers"])["Sec-WebSocket-Key"]
    from live_support import accept_for
    assert accept_for(key) in accept["detail"]


def test_probe_without_answer_fails_in_the_probe_phase(make_server):
    server = make_server(echo=False)
    code, data, _ = run_live_json(*live_args(server.port, "--probe", "command", "--timeout", "1"))
    assert code == 1
    probe = checks_of(data)["probe"]
    assert probe["status"] == "fail" and "phase probe" in probe["detail"]
    assert server.messages == [b"ping from dmlint"]


# ------------------------------------------------------------------------------------------ TLS


@pytest.fixture
def tls_server(tmp_path):
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    server = RecordingServer(ssl_context=context)
    try:
        yield server, ca_file
    finally:
        server.stop()


def test_wss_passes_with_the_ca(tls_server):
    server, ca_file = tls_server
    code, data, stderr = run_live_json(*live_args(server.port, "--scheme", "wss", "--ca", str(ca_file)))
    assert code == 0, (data, stderr)
    assert data["url"].startswith("wss://127.0.0.1:")
    tls = checks_of(data)["tls"]
    assert tls["status"] == "pass"
    assert "TLSv1." in tls["detail"] and "verified" in tls["detail"] and "expires in" in tls["detail"]
    assert "names 127.0.0.1, localhost" in tls["detail"]
    assert server.requests[0][1]["x-client"] == "dmlint-test-client"


def test_wss_fails_without_the_ca(tls_server):
    server, _ = tls_server
    code, data, _ = run_live_json(*live_args(server.port, "--scheme", "wss"))
    assert code == 1
    tls = checks_of(data)["tls"]
    assert tls["status"] == "fail" and "certificate verification failed" in tls["detail"]
    assert server.requests == []


def test_wss_insecure_passes_with_a_warning(tls_server):
    server, _ = tls_server
    code, data, stderr = run_live_json(*live_args(server.port, "--scheme", "wss", "--insecure"))
    assert code == 0
    assert "NOT verified" in checks_of(data)["tls"]["detail"]
    assert "warning: --insecure" in stderr
    assert any("--insecure" in w for w in data["warnings"])


# ------------------------------------------------------------------------------------------ proxy


def test_bypass_proxy_ignores_proxy_variables(ws_server, make_raw):
    proxy = make_raw(refusing_proxy)
    address = f"http://127.0.0.1:{proxy.port}"
    env = clean_env(HTTP_PROXY=address, HTTPS_PROXY=address, ALL_PROXY=address, http_proxy=address,
                    https_proxy=address)
    code, data, stderr = run_live_json(*live_args(ws_server.port), env=env)
    assert code == 0, (data, stderr)
    assert proxy.connections == 0
    assert data["proxy"] == {"used": False, "address": None, "bypass": True}
    assert "proxy variables in the environment ignored" in stderr
    assert any("byPassProxy" in w for w in data["warnings"])
    assert len(ws_server.requests) == 1


def test_without_bypass_the_environment_proxy_is_used(ws_server, make_raw, tmp_path):
    proxy = make_raw(refusing_proxy)
    address = f"http://127.0.0.1:{proxy.port}"
    protocol = variant(tmp_path, "<BusAddress><DefaultValue>byPassProxy</DefaultValue></BusAddress>", "")
    env = clean_env(HTTP_PROXY=address, HTTPS_PROXY=address, http_proxy=address, https_proxy=address)
    code, data, _ = run_live_json(*live_args(ws_server.port, protocol=protocol), env=env)
    assert code == 1
    assert proxy.connections == 1
    assert proxy.received[0].startswith(f"CONNECT 127.0.0.1:{ws_server.port} HTTP/1.1".encode())
    assert data["proxy"]["used"] is True and data["proxy"]["address"] == address
    assert "refused CONNECT" in checks_of(data)["tcp"]["detail"]
    assert ws_server.requests == []


# ------------------------------------------------------------------------------------------ dry run, --set


def test_dry_run_prints_the_exact_request_without_connecting(make_raw):
    listener = make_raw(silent)
    result = run_cli("live", *live_args(listener.port, "--dry-run"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> GET /events/ws HTTP/1.1" in out
    assert f"> Host: 127.0.0.1:{listener.port}" in out
    assert "> Upgrade: websocket" in out
    assert "> Sec-WebSocket-Version: 13" in out
    assert "> Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits" in out
    assert "> X-Client: dmlint-test-client" in out
    assert "> X-Api-Key: <redacted, 18 characters>" in out
    assert "offered extensions: permessage-deflate; client_max_window_bits" in out
    assert "nothing was sent" in out
    code, data, _ = run_live_json(*live_args(listener.port, "--dry-run"))
    assert code == 0 and data["dry_run"] is True and data["checks"] == []
    assert data["request"]["url"] == f"ws://127.0.0.1:{listener.port}/events/ws"
    time.sleep(0.3)
    assert listener.connections == 0


def test_dry_run_of_the_bundled_example_uses_its_port_and_path():
    result = run_cli("live", str(EXAMPLES / "websocket-handshake.xml"), "--host", "127.0.0.1", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "ws://127.0.0.1:8050/x-nmos/events/ws" in result.stdout
    assert "> Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits" in result.stdout


def test_set_overrides_url_and_header_values(ws_server):
    code, data, _ = run_live_json(*live_args(ws_server.port, "--set", "8=/other/path?x=1",
                                             "--set", "12=operator-7"))
    assert code == 0
    path, headers = ws_server.requests[0]
    assert path == "/other/path?x=1"
    assert headers["x-client"] == "operator-7"
    assert data["url"] == f"ws://127.0.0.1:{ws_server.port}/other/path?x=1"


def test_set_with_an_absolute_url_needs_no_host(ws_server):
    result = run_cli("live", str(CUSTOM), "--set", f"8=ws://127.0.0.1:{ws_server.port}/abs/ws",
                     "--format", "json")
    assert result.returncode == 0, result.stderr
    assert ws_server.requests[0][0] == "/abs/ws"


def test_port_and_timeout_come_from_user_settings():
    result = run_cli("live", str(CUSTOM), "--host", "127.0.0.1", "--dry-run", "--format", "json")
    import json
    data = json.loads(result.stdout)
    assert data["url"] == "ws://127.0.0.1:8050/events/ws"
    assert data["timeout"] == 3.0


# ------------------------------------------------------------------------------------------ exit code 2


@pytest.mark.parametrize("change, expected", [
    (('<Header key="X-Api-Key" pid="13"/>', '<Header key="X-Api-Key" pid="99"/>'), "HTTP006"),
    (('<Header key="X-Api-Key" pid="13"/>', '<Header key="X-Api-Key"/>'), "WS004"),
    (('<Request verb="GET" pid="8">', '<Request verb="GET" url="ws://10.0.0.9/x">'), "WS005"),
    (("<WebSocketHandshake>25</WebSocketHandshake>", "<WebSocketHandshake>26</WebSocketHandshake>"), "WS001"),
])
def test_protocol_errors_refuse_without_connecting(tmp_path, make_raw, change, expected):
    listener = make_raw(silent)
    protocol = variant(tmp_path, *change)
    result = run_cli("live", *live_args(listener.port, protocol=protocol))
    assert result.returncode == 2
    assert expected in result.stderr and "nothing was sent" in result.stderr
    assert "Traceback" not in result.stderr
    time.sleep(0.2)
    assert listener.connections == 0


def test_refusal_in_json_lists_the_findings(tmp_path):
    protocol = variant(tmp_path, '<Header key="X-Api-Key" pid="13"/>', '<Header key="X-Api-Key" pid="99"/>')
    code, data, _ = run_live_json(str(protocol), "--host", "127.0.0.1")
    assert code == 2
    assert data["ok"] is False
    assert [(f["code"], f["line"]) for f in data["findings"]] == [("HTTP006", 47)]


@pytest.mark.parametrize("args, message", [
    (["--set", "8"], "--set expects PID=VALUE"),
    (["--connection", "5"], "no connection with id 5"),
    (["--timeout", "0"], "--timeout must be a positive"),
])
def test_usage_errors_exit_2(args, message):
    result = run_cli("live", str(CUSTOM), "--host", "127.0.0.1", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_ca_file_that_is_not_a_certificate_exits_2(tmp_path, make_raw):
    listener = make_raw(silent)
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate\n", encoding="utf-8")
    result = run_cli("live", *live_args(listener.port, "--scheme", "wss", "--ca", str(bogus)))
    assert result.returncode == 2
    assert "not a usable CA certificate file" in result.stderr
    assert listener.connections == 0


def test_relative_url_without_host_exits_2():
    result = run_cli("live", str(CUSTOM))
    assert result.returncode == 2
    assert "give the device address with --host" in result.stderr


def test_unreadable_and_malformed_protocols_exit_2(tmp_path):
    missing = run_cli("live", str(tmp_path / "nope.xml"), "--host", "127.0.0.1")
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    broken = tmp_path / "broken.xml"
    broken.write_text("<Protocol><Params></Protocol>", encoding="utf-8")
    result = run_cli("live", str(broken), "--host", "127.0.0.1")
    assert result.returncode == 2 and "malformed XML" in result.stderr


def test_unsupported_extension_offer_exits_2(tmp_path):
    protocol = variant(tmp_path, "permessage-deflate; client_max_window_bits", "x-webkit-deflate-frame")
    result = run_cli("live", str(protocol), "--host", "127.0.0.1", "--dry-run")
    assert result.returncode == 2
    assert "can only offer permessage-deflate" in result.stderr


def test_check_does_not_import_websockets():
    code = ("import sys\nfrom dmlint.cli import cli\n"
            "try:\n    cli(['check', sys.argv[1]], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print('websockets' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(CUSTOM)], capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stdout + result.stderr
