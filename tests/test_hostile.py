"""Hostile XML: dmlint must not leak files, reach the network, expand bombs, hang or crash.

Every case runs the installed `dmlint` script on files written into tmp_path, with a
timeout, and checks exit code, output and that stderr holds no traceback.
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest
from lxml import etree

from dmlint.formatters import FORMATS

from conftest import EXAMPLES, run_dmlint

EXAMPLE = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8")
PROLOG = '<?xml version="1.0" encoding="utf-8"?>'
HANDSHAKE = "<WebSocketHandshake>25</WebSocketHandshake>"


def protocol(doctype: str = "", handshake: str = HANDSHAKE, extra: str = "", root_attributes: str = "") -> str:
    """The example protocol with a DOCTYPE after the prolog and other hostile additions."""
    assert EXAMPLE.startswith(PROLOG) and HANDSHAKE in EXAMPLE
    text = EXAMPLE.replace(PROLOG, PROLOG + "\n" + doctype, 1) if doctype else EXAMPLE
    text = text.replace(HANDSHAKE, handshake, 1)
    if extra:
        text = text.replace("</Protocol>", extra + "\n</Protocol>", 1)
    if root_attributes:
        text = text.replace('<Protocol xmlns="http://www.skyline.be/protocol"',
                            '<Protocol xmlns="http://www.skyline.be/protocol" ' + root_attributes, 1)
    return text


def check(*args: str, timeout: float = 60):
    result = run_dmlint("check", *args, timeout=timeout)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result


def codes(result) -> list[str]:
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


# -- external entity to a local file ------------------------------------------------------

def test_external_entity_content_never_appears_in_any_output(tmp_path):
    token = f"SECRET-{uuid.uuid4().hex}"
    secret = tmp_path / "secret.txt"
    secret.write_text(token, encoding="utf-8")
    uri = secret.as_uri()
    files = {
        # Resolved, the entity would become the session id that WS001 quotes in its message.
        "general.xml": protocol(f'<!DOCTYPE Protocol [<!ENTITY leak SYSTEM "{uri}">]>',
                                handshake="<WebSocketHandshake>&leak;</WebSocketHandshake>"),
        "parameter.xml": protocol(f'<!DOCTYPE Protocol [<!ENTITY % leak SYSTEM "{uri}"> %leak;]>'),
        "xinclude.xml": protocol(extra=f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                                       f'href="{uri}" parse="text"/>'),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    targets = [str(tmp_path / name) for name in files]

    outputs = []
    for output_format in FORMATS:
        result = check(*targets, "--format", output_format, "--verbose")
        assert result.returncode in (0, 1)
        outputs.append(result.stdout + result.stderr)
    result = check(*targets, "--format", "json")
    outputs.append(result.stdout + result.stderr)
    for output in outputs:
        assert token.encode() not in output

    # The files were linted, not dropped: the unresolved entity leaves the handshake empty.
    findings = json.loads(result.stdout)["findings"]
    assert any(f["code"] == "WS001" and f["path"].endswith("general.xml") for f in findings)
    # And the attack is real: a permissive parser does read the file.
    permissive = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    leaked = etree.tostring(etree.fromstring(files["general.xml"].encode(), permissive))
    assert token.encode() in leaked


# -- billion laughs ---------------------------------------------------------------------------

def test_billion_laughs_is_not_expanded(tmp_path):
    levels = ['<!ENTITY lol0 "lol">']
    levels += [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(protocol("<!DOCTYPE Protocol [" + "".join(levels) + "]>",
                             handshake="<WebSocketHandshake>&lol9;</WebSocketHandshake>"), encoding="utf-8")
    started = time.monotonic()
    result = check(str(bomb), "--format", "json", timeout=30)
    elapsed = time.monotonic() - started
    assert elapsed < 10
    assert result.returncode in (0, 1)
    assert len(result.stdout) < 20_000  # 10^9 "lol"s would not fit
    assert b"lollol" not in result.stdout


def test_quadratic_blowup_is_not_expanded(tmp_path):
    big = "x" * 100_000
    bomb = tmp_path / "quadratic.xml"
    bomb.write_text(protocol(f'<!DOCTYPE Protocol [<!ENTITY big "{big}">]>',
                             extra="<Description>" + "&big;" * 20_000 + "</Description>"), encoding="utf-8")
    started = time.monotonic()
    result = check(str(bomb), "--format", "json", timeout=30)
    assert time.monotonic() - started < 10
    assert result.returncode in (0, 1)
    assert len(result.stdout) < 20_000


# -- nothing reaches the network ----------------------------------------------------------------

class LoopbackListener:
    """A TCP listener on 127.0.0.1 (free port) that records every connection it gets."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(1)
                try:
                    data = connection.recv(4096)
                except OSError:
                    data = b""
            self.received.append(data)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self.socket.close()


@pytest.fixture
def listener():
    server = LoopbackListener()
    yield server
    server.close()


def test_no_connection_for_dtd_schema_xinclude_or_entities(tmp_path, listener):
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    files = {
        "dtd.xml": protocol(f'<!DOCTYPE Protocol SYSTEM "{listener.url("protocol.dtd")}">'),
        "public-dtd.xml": protocol(f'<!DOCTYPE Protocol PUBLIC "-//X//Y" "{listener.url("public.dtd")}">'),
        "parameter-entity.xml": protocol(
            f'<!DOCTYPE Protocol [<!ENTITY % remote SYSTEM "{listener.url("remote.dtd")}"> %remote;]>'),
        "general-entity.xml": protocol(
            f'<!DOCTYPE Protocol [<!ENTITY remote SYSTEM "{listener.url("entity.txt")}">]>',
            handshake="<WebSocketHandshake>&remote;</WebSocketHandshake>"),
        "schema-location.xml": protocol(root_attributes=(
            f'{xsi} xsi:schemaLocation="http://www.skyline.be/protocol {listener.url("protocol.xsd")}"')),
        "no-namespace-schema.xml": protocol(root_attributes=(
            f'{xsi} xsi:noNamespaceSchemaLocation="{listener.url("nons.xsd")}"')),
        "xinclude.xml": protocol(extra=(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{listener.url("include.xml")}"/>')),
        "stylesheet.xml": protocol().replace(
            PROLOG, PROLOG + f'\n<?xml-stylesheet type="text/xsl" href="{listener.url("style.xsl")}"?>', 1),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for output_format in ("text", "json"):
        result = check(str(tmp_path), "--format", output_format, "-j", "2", timeout=60)
        assert result.returncode in (0, 1)
    result = check(str(tmp_path), "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == len(files)

    time.sleep(0.3)  # a late connection attempt would still be recorded
    assert listener.received == []

    # The listener was up all along and records what a client sends.
    with socket.create_connection(("127.0.0.1", listener.port), timeout=5) as control:
        control.sendall(b"GET /control HTTP/1.0\r\n\r\n")
        _wait_for(lambda: listener.received)
    assert listener.received == [b"GET /control HTTP/1.0\r\n\r\n"]


@pytest.mark.skipif("http" not in getattr(etree, "LIBXML_FEATURES", {"http"}),
                    reason="this libxml2 has no HTTP client at all (2.14+): nothing to prove")
def test_the_remote_dtd_is_a_real_attempt_for_a_permissive_parser(listener):
    """With an older libxml2, the same file makes a permissive parser connect (so the test above can fail)."""
    text = protocol(f'<!DOCTYPE Protocol SYSTEM "{listener.url("protocol.dtd")}">')
    try:
        etree.fromstring(text.encode(), etree.XMLParser(load_dtd=True, no_network=False))
    except etree.XMLSyntaxError:
        pass
    _wait_for(lambda: listener.received)
    assert listener.received and listener.received[0].startswith(b"GET /protocol.dtd")


def _wait_for(condition, seconds: float = 5):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


# -- size and shape ------------------------------------------------------------------------------

def test_deep_nesting_is_a_clean_finding(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text(protocol(extra="<a>" * 50_000 + "</a>" * 50_000), encoding="utf-8")
    result = check(str(deep), "--format", "json", timeout=30)
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings] == ["XML001"]
    assert "depth" in findings[0]["message"].lower()


def test_nesting_within_the_parser_limit_is_linted(tmp_path):
    nested = tmp_path / "nested.xml"
    nested.write_text(protocol(extra="<a>" * 200 + "</a>" * 200), encoding="utf-8")
    result = check(str(nested), "--format", "json")
    assert result.returncode == 1
    assert "XML001" not in codes(result) and "WS006" in codes(result)


def test_single_multi_megabyte_line_with_many_findings(tmp_path):
    headers = "".join(f'<Header key="X-H{i}" pid="{90000 + i}"></Header>' for i in range(3000))
    params = "".join(f'<Param id="{100000 + i}"><Name>P{i}</Name><Type>read</Type></Param>' for i in range(50_000))
    text = protocol().replace('<Header key="Sec-WebSocket-Extensions" pid="9"></Header>', headers)
    text = text.replace("</Params>", params + "</Params>").replace("\r", "").replace("\n", " ")
    one_line = tmp_path / "one-line.xml"
    one_line.write_text(text, encoding="utf-8")
    assert one_line.stat().st_size > 2_500_000 and "\n" not in text

    started = time.monotonic()
    result = check(str(one_line), "--format", "json", timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    findings = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "HTTP006"]
    assert len(findings) == 3000
    for finding in findings[:: 97]:  # each column points at the pid of its own header
        number = int(finding["message"].split("names Param ")[1].split(",")[0]) - 90000
        assert finding["line"] == 1
        at = finding["column"] - 1
        assert text[at - len(f'<Header key="X-H{number}" '):at] == f'<Header key="X-H{number}" '
        assert text[at:].startswith(f'pid="{90000 + number}"')

    text_result = check(str(one_line), timeout=60)
    assert text_result.returncode == 1
    assert max(len(line) for line in text_result.stdout.splitlines()) < 1000  # no megabyte snippets


def test_single_text_node_over_the_parser_limit(tmp_path):
    huge = tmp_path / "huge-text.xml"
    huge.write_text(protocol(extra="<Description>" + "x" * 12_000_000 + "</Description>"), encoding="utf-8")
    result = check(str(huge), "--format", "json", timeout=60)
    assert result.returncode == 1
    assert codes(result) == ["XML001"]


def test_binary_file(tmp_path):
    noise = random.Random(6).randbytes(64 * 1024)
    (tmp_path / "binary.xml").write_bytes(noise)
    (tmp_path / "nul.xml").write_bytes(b"<Protocol>\x00\x01\x02</Protocol>")
    result = check(str(tmp_path), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(Path(f["path"]).name, f["code"]) for f in report["findings"]] == [
        ("binary.xml", "XML001"), ("nul.xml", "XML001")]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path, content):
    empty = tmp_path / "empty.xml"
    empty.write_bytes(content)
    result = check(str(empty), "--format", "json")
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("XML001", 1, 1)
