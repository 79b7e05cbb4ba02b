"""WS rules beyond the fixture harness: columns, the use cases, mutations of real protocols."""

from __future__ import annotations

import pytest

from dmlint.core.engine import LintSettings, lint_bytes, lint_file
from dmlint.core.selection import select_rules

from conftest import EXAMPLES, FIXTURES

WS_FIXTURES = sorted((FIXTURES / "websocket").glob("*.xml"))
ALL = LintSettings(selected=select_rules(select=["ALL"]))


def ws_findings(path, data=None):
    report = lint_bytes(str(path), data, ALL) if data is not None else lint_file(str(path), ALL)
    return [f for f in report.findings if f.code.startswith("WS")]


def test_seed_use_case_3_gives_exactly_ws007_and_ws010():
    codes = sorted(f.code for f in ws_findings(FIXTURES / "websocket" / "uc3_custom_handshake.xml"))
    assert codes == ["WS007", "WS010"]


@pytest.mark.parametrize("name", ["uc1_normal.xml", "uc2_dynamic_ip.xml", "uc4_handshake_dynamic_ip.xml"])
def test_other_documented_use_cases_are_clean(name):
    assert ws_findings(FIXTURES / "websocket" / name) == []


def test_messages_name_the_ids_and_the_fix():
    findings = {f.code: f for f in ws_findings(FIXTURES / "websocket" / "uc3_custom_handshake.xml")}
    ws007 = findings["WS007"].message
    assert "270" in ws007 and "220" in ws007 and "25" in ws007
    assert "display or use" in ws007
    assert "dynamic ip" in findings["WS010"].message


def test_columns_point_at_the_start_tag_and_attribute():
    path = FIXTURES / "websocket" / "ws004_invalid.xml"
    lines = path.read_text(encoding="utf-8").splitlines()
    report = lint_file(str(path), ALL)
    findings = [f for f in report.findings if f.code in ("WS004", "HTTP006", "HTTP007")]
    assert sorted(f.code for f in findings) == ["HTTP006", "HTTP007", "HTTP007", "WS004"]
    for finding in findings:
        located = lines[finding.line - 1][finding.column - 1:]
        # a fixed-value header points at its tag; a bad pid at the attribute itself
        assert located.startswith("<Header" if finding.code == "WS004" else "pid="), (finding, located)


def test_same_tag_twice_on_one_line_gets_distinct_columns():
    data = (b'<Protocol><Connections><Connection id="1"><Http><CommunicationOptions><WebSocket>true</WebSocket>'
            b'<WebSocketHandshake>21</WebSocketHandshake></CommunicationOptions></Http></Connection></Connections>'
            b'<Params><Param id="8" save="true"><Name>U</Name><Interprete><DefaultValue>u</DefaultValue>'
            b'</Interprete></Param></Params><HTTP><Session id="21"><Connection id="1"><Request pid="8"><Headers>'
            b'<Header key="Host" pid="8"/><Header key="Upgrade" pid="8"/></Headers></Request></Connection>'
            b'</Session></HTTP></Protocol>')
    findings = [f for f in ws_findings("inline.xml", data) if f.code == "WS008"]
    columns = [f.column for f in findings]
    assert len(columns) == 2 and columns[0] < columns[1]
    text = data.decode()
    assert text[columns[0] - 1:].startswith('key="Host"')
    assert text[columns[1] - 1:].startswith('key="Upgrade"')


def test_multi_line_start_tag_is_located_at_its_first_line():
    data = b"""<Protocol>
  <Connections>
    <Connection id="1">
      <Http>
        <CommunicationOptions>
          <WebSocket>true</WebSocket>
          <WebSocketHandshake
            >99</WebSocketHandshake>
        </CommunicationOptions>
      </Http>
    </Connection>
  </Connections>
</Protocol>"""
    (finding,) = [f for f in ws_findings("multi.xml", data) if f.code == "WS001"]
    assert (finding.line, finding.column) == (7, 11)


def _variants(data: bytes):
    text = data.decode("utf-8")
    yield "bom+crlf", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    yield "no-namespace", text.replace(' xmlns="http://www.skyline.be/protocol"', "").encode("utf-8")
    yield "unit-test-namespace", text.replace("http://www.skyline.be/protocol",
                                             "http://www.skyline.be/validatorProtocolUnitTest").encode("utf-8")
    # Only the root is prefixed (children then have no namespace): start tags found by qualified name.
    yield "prefixed", (text.replace('<Protocol xmlns="http://www.skyline.be/protocol">',
                                    '<p:Protocol xmlns:p="http://www.skyline.be/protocol">')
                       .replace("</Protocol>", "</p:Protocol>")).encode("utf-8")


@pytest.mark.parametrize("name", ["uc3_custom_handshake.xml", "multiple_websocket_connections.xml",
                                  "ws004_invalid.xml", "ws007_invalid.xml"])
def test_bom_crlf_and_namespaces_give_the_same_findings(name):
    path = FIXTURES / "websocket" / name
    original = path.read_bytes()
    baseline = [(f.code, f.line, f.column) for f in ws_findings(path)]
    assert baseline
    for label, data in _variants(original):
        got = [(f.code, f.line, f.column) for f in ws_findings(f"{label}.xml", data)]
        assert got == baseline, label


def test_shipped_example_shows_real_findings():
    codes = sorted(f.code for f in ws_findings(EXAMPLES / "websocket-handshake.xml"))
    assert codes == ["WS006", "WS007", "WS010"]
