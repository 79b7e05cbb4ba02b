"""The pure part of `dmlint live`: resolving URL, headers, extension offer, port, timeout and proxy policy."""

from __future__ import annotations

import sys

import pytest

from dmlint.core.parser import parse
from dmlint.live.plan import (
    PlanError,
    first_command_message,
    parse_extensions,
    parse_sets,
    resolve_plan,
    split_header_list,
)
from dmlint.model import build_model

from conftest import EXAMPLES
from live_support import CUSTOM


def model_of(text: str):
    return build_model(parse("p.xml", text.encode("utf-8")))


def custom(old: str = "", new: str = ""):
    text = CUSTOM.read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new)
    return model_of(text)


def test_example_resolves_like_the_docs_describe():
    model = build_model(parse("e.xml", (EXAMPLES / "websocket-handshake.xml").read_bytes()))
    plan = resolve_plan(model, host="127.0.0.1")
    assert plan.url == "ws://127.0.0.1:8050/x-nmos/events/ws"
    assert plan.resource == "/x-nmos/events/ws"
    assert plan.port == 8050 and plan.timeout == 5.0 and plan.timeout_source == "UserSettings/TimeoutTime"
    assert plan.bypass_proxy is True
    assert plan.session_id == "25"
    assert plan.headers == []  # the only header is the extension offer
    assert [str(o) for o in plan.extensions] == ["permessage-deflate; client_max_window_bits"]


def test_custom_headers_are_resolved_and_secrets_flagged():
    plan = resolve_plan(custom(), host="10.1.2.3")
    assert [(h.key, h.value, h.secret) for h in plan.headers] == [
        ("X-Client", "dmlint-test-client", False), ("X-Api-Key", "s3cret-T0ken-value", True)]
    assert plan.headers[1].shown == "<redacted, 18 characters>"
    assert plan.headers[0].source == "parameter 12 DefaultValue"


def test_set_wins_over_default_and_absolute_urls_keep_their_host():
    plan = resolve_plan(custom(), host="10.1.2.3", sets=parse_sets(["13=other", "8=https://dev.example:9443/a?b=1"]))
    assert plan.url == "wss://dev.example:9443/a?b=1"
    assert (plan.host, plan.port, plan.resource, plan.secure) == ("dev.example", 9443, "/a?b=1", True)
    assert any("--host 10.1.2.3 ignored" in note for note in plan.notes)
    assert plan.headers[1].value == "other" and plan.headers[1].source == "--set 13"


def test_relative_url_joins_scheme_host_and_port():
    plan = resolve_plan(custom(), host="::1", port=9000, scheme="wss", timeout=2.5)
    assert plan.url == "wss://[::1]:9000/events/ws"
    assert plan.timeout == 2.5 and plan.timeout_source == "--timeout"


def test_reserved_headers_are_not_sent_and_noted():
    model = custom('<Header key="X-Client" pid="12"/>', '<Header key="Host" pid="12"/>')
    plan = resolve_plan(model, host="h")
    assert [h.key for h in plan.headers] == ["X-Api-Key"]
    assert any("'Host' is not sent" in note for note in plan.notes)


@pytest.mark.parametrize("value, expected", [
    ("permessage-deflate; client_max_window_bits", [("permessage-deflate", [("client_max_window_bits", None)])]),
    ('permessage-deflate; server_max_window_bits="10", permessage-deflate',
     [("permessage-deflate", [("server_max_window_bits", "10")]), ("permessage-deflate", [])]),
])
def test_parse_extensions(value, expected):
    assert [(o.name, o.params) for o in parse_extensions(value)] == expected


def test_split_header_list_keeps_quoted_commas():
    assert split_header_list('a, "b, c", d') == ["a", '"b, c"', "d"]


@pytest.mark.parametrize("old, new, message", [
    ("<DefaultValue>events/ws</DefaultValue>", "", "has no DefaultValue: give the value with --set 8=VALUE"),
    ("<IPport><DefaultValue>8050</DefaultValue></IPport>", "", "give the port with --port"),
    ("<DefaultValue>3000</DefaultValue>", "<DefaultValue>soon</DefaultValue>", "not a number of milliseconds"),
    ("<WebSocket>true</WebSocket>", "<WebSocket>false</WebSocket>", "has no WebSocket connection"),
    ("<DefaultValue>events/ws</DefaultValue>", "<DefaultValue>ftp://x/y</DefaultValue>", "use ws, wss, http or https"),
])
def test_configuration_errors(old, new, message):
    with pytest.raises(PlanError, match=message.replace("(", r"\(")):
        resolve_plan(custom(old, new), host="h")


def test_several_websocket_connections_need_a_choice():
    text = CUSTOM.read_text(encoding="utf-8")
    start = text.index('<Connection id="1" name="Events">')
    end = text.index("</Connection>", start) + len("</Connection>")
    second = text[start:end].replace('id="1"', 'id="2"').replace("<WebSocketHandshake>25</WebSocketHandshake>", "")
    model = model_of(text[:end] + second + text[end:])
    with pytest.raises(PlanError, match="several WebSocket connections"):
        resolve_plan(model, host="h")
    plan = resolve_plan(model, host="h", connection_id="2")
    assert plan.session_id is None and plan.url == "ws://h:8050/" and plan.headers == []


def test_first_command_message_type():
    message = first_command_message(custom())
    assert (message.content, message.binary) == ("ping from dmlint", True)
    text = first_command_message(custom("<Name>Ping</Name>", "<Name>Ping</Name><WebSocketMessageType>text"
                                                              "</WebSocketMessageType>"))
    assert text.binary is False


def test_plan_module_does_not_import_websockets():
    import subprocess
    code = "import sys, dmlint.live.plan, dmlint.live.cli; print('websockets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.stdout.strip() == "False", result.stderr
