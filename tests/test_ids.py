"""The one id grammar (dmlint.core.ids) and the hostile numbers that used to crash dmlint.

Every number a protocol writes is read by `dmlint.core.ids`: any length, any Unicode
character, never an exception. A 4,301-digit id used to hit Python's int-conversion
limit in eight places; `²` passed `str.isdigit()` and then failed `int()`.
"""

from __future__ import annotations

import json

import pytest

from dmlint.core.ids import (
    EMPTY,
    INVALID,
    MISSING,
    OK,
    UINT32_MAX,
    UNTRIMMED,
    fits,
    normalize_id,
    read_id,
    read_int,
    sort_key,
    to_int,
)

from conftest import PROTOCOLS, run_dmlint

HUGE = "1" * 4301


@pytest.mark.parametrize(("raw", "status", "digits", "plain"), [
    (None, MISSING, None, False),
    ("", EMPTY, None, False),
    ("  ", EMPTY, None, False),
    ("12", OK, "12", True),
    ("0", OK, "0", True),
    ("007", OK, "7", False),
    (" 12 ", UNTRIMMED, "12", False),
    ("+12", INVALID, None, False),
    ("-1", INVALID, None, False),
    ("1 2", INVALID, None, False),
    ("1e3", INVALID, None, False),
    ("²", INVALID, None, False),
    ("٣", INVALID, None, False),  # Arabic-Indic three: a digit to Python, not to DataMiner
    ("１２", INVALID, None, False),  # full-width digits
    (HUGE, OK, HUGE, True),
])
def test_read_id(raw, status, digits, plain):
    number = read_id(raw)
    assert (number.status, number.digits, number.plain) == (status, digits, plain)
    assert normalize_id(raw) == digits


def test_huge_numbers_compare_without_conversion():
    assert not read_id(HUGE).at_most(UINT32_MAX)
    assert read_id(str(UINT32_MAX)).at_most(UINT32_MAX)
    assert not read_id(str(UINT32_MAX + 1)).at_most(UINT32_MAX)
    assert to_int(HUGE) is None and to_int("65535", 65535) == 65535 and to_int("65536", 65535) is None
    assert fits("9", 10) and not fits("11", 10)
    assert sorted(["10", "9", HUGE, "100"], key=sort_key) == ["9", "10", "100", HUGE]


def test_signed_integers():
    assert read_int("-1").value() == -1 and read_int("+5").value() == 5
    assert read_int("-0").value() == 0 and not read_int("-0").negative
    assert read_int("--1").status == INVALID and read_int("-²").status == INVALID


# Each place the fuzzer found reading an id with int(): a huge or Unicode-digit value must be
# a finding (or nothing), never INT001 and never an internal error.
HOSTILE = {
    "param id": f'<Protocol><Params><Param id="{HUGE}"><Name>A</Name><Type>read</Type></Param></Params></Protocol>',
    "session, connection and request pid":
        f'<Protocol><HTTP><Session id="{HUGE}"><Connection id="{HUGE}"><Request pid="{HUGE}"/></Connection>'
        f'</Session></HTTP></Protocol>',
    "group content session and connection":
        f'<Protocol><Groups><Group id="1" connection="{HUGE}"><Content><Session>{HUGE}</Session></Content></Group>'
        f'</Groups></Protocol>',
    "pair id and connection option":
        f'<Protocol><Type>serial</Type><Pairs><Pair id="{HUGE}" options="connection:{HUGE}"><Content>'
        f'<Command>1</Command></Content></Pair></Pairs><Groups><Group id="-1"><Content><Pair>{HUGE}</Pair>'
        f'</Content></Group></Groups></Protocol>',
    "headerTrailerLink and dynamic ip":
        f'<Protocol><Type>smart-serial</Type><Params><Param id="1"><Type options="headerTrailerLink={HUGE}">'
        f'header</Type></Param><Param id="2"><Type options="dynamic ip {HUGE}">read</Type></Param>'
        f'<Param id="3"><Type options="dynamic ip ²">read</Type></Param></Params></Protocol>',
    "websocket handshake": f'<Protocol><Connections><Connection id="{HUGE}"><Http><CommunicationOptions>'
                           f'<WebSocket>true</WebSocket><WebSocketHandshake>{HUGE}</WebSocketHandshake>'
                           f'</CommunicationOptions></Http></Connection></Connections></Protocol>',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_numbers_give_findings_not_crashes(name):
    result = run_dmlint("check", "--select", "ALL", "--format", "json", "-", input=HOSTILE[name].encode())
    assert result.returncode in (0, 1), result.stderr
    codes = [finding["code"] for finding in json.loads(result.stdout)["findings"]]
    assert "INT001" not in codes, result.stdout[:2000]


def test_dynamic_ip_with_a_unicode_digit_is_reported_as_not_a_number():
    result = run_dmlint("check", "--select", "PRM008", "--format", "json", "-",
                        input=HOSTILE["headerTrailerLink and dynamic ip"].encode())
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert any("dynamic ip ²" in m and "must be a number" in m for m in messages), messages


def test_huge_param_id_is_reported_as_reserved():
    result = run_dmlint("check", "--select", "PRM002", "--format", "json", "-", input=HOSTILE["param id"].encode())
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["PRM002"]


@pytest.mark.parametrize("setting", ["IPport", "TimeoutTime"])
@pytest.mark.parametrize("value", [HUGE, "²"])
def test_live_dry_run_refuses_hostile_user_settings_in_one_line(tmp_path, setting, value):
    source = (PROTOCOLS / "live" / "custom-headers.xml").read_text(encoding="utf-8-sig")
    start = source.index(f"<{setting}>")
    end = source.index(f"</{setting}>", start)
    changed = source[:start] + f"<{setting}><DefaultValue>{value}</DefaultValue>" + source[end:]
    path = tmp_path / "protocol.xml"
    path.write_text(changed, encoding="utf-8")
    result = run_dmlint("live", str(path), "--host", "127.0.0.1", "--dry-run")
    assert result.returncode == 2
    error = result.stderr.decode().strip()
    assert len(error.splitlines()) == 1 and setting in error and "internal error" not in error
