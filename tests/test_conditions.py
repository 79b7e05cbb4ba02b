"""The condition language (dmlint.model.conditions): read once, asked by the COND rules."""

from __future__ import annotations

import pytest

from dmlint.core.parser import parse as parse_document
from dmlint.model import build_model
from dmlint.model.conditions import MAX_DEPTH, NUMBER, STRING, TABLE, parse

TYPES = {"10": NUMBER, "12": STRING, "14": TABLE}


def lookup(raw):
    return TYPES.get(raw.lstrip("+").lstrip("0") or "0")


@pytest.mark.parametrize("text", [
    "(id:10 + 10) > 20",
    '("defefgabc" > id:12) AND ((id:10 * 20) > 100)',
    'id:12 != emptystring OR id:12 == empty',
    'id:12 == "a (b) AND c"',
    "ID:10 >= 1.5e1",
    "id:65008 == 5",
    "  id:10 == 1  ",
])
def test_valid_conditions(text):
    parsed = parse(text)
    assert parsed.syntax_error is None
    assert parsed.evaluate(lookup) is None


@pytest.mark.parametrize(("text", "start"), [
    ("(id:10 > 1", 0),
    ("id:10 > 1)", 9),
    ("id:10 ==", 0),
    ("== 1", 0),
    ("id:10 1", 6),
    ("id:x == 1", 0),
    ("()", 0),
    ("(id:10 == 1)AND(id:10 == 2)", 0),
])
def test_syntax_errors_have_a_position(text, start):
    error = parse(text).syntax_error
    assert error is not None and error.kind == "invalid"
    assert error.start == start


@pytest.mark.parametrize(("text", "kind"), [
    ('((id:12 + "efg") + 10) == "defefgabc"', "invalid"),
    ('id:10 > "abc"', "invalid"),
    ("id:10 > 0 AND id:12", "invalid"),
    ("id:10 == 1 == 2", "invalid"),
    ("id:12", "invalid"),
    ("id:99 == 1", "missing"),
])
def test_type_errors(text, kind):
    parsed = parse(text)
    assert parsed.syntax_error is None
    assert parsed.evaluate(lookup).kind == kind


def test_ids_with_positions():
    text = "id:10 == 1 AND (id:12 != \"x\")"
    parsed = parse(text)
    assert [(found.raw, text[found.start:found.end]) for found in parsed.ids] == [("10", "10"), ("12", "12")]


def test_constant_parts_can_be_simplified():
    assert parse('id:12 == ("test")').simplifiable is not None
    assert parse("id:10 > 0 AND 1 == 1").simplifiable is not None
    assert parse("id:10 > 0").simplifiable is None


def test_deep_nesting_is_reported_not_followed():
    text = "(" * (MAX_DEPTH + 5) + "id:10 == 1" + ")" * (MAX_DEPTH + 5)
    assert "nested" in parse(text).syntax_error.message
    text = "(" * 50 + "id:10 == 1" + ")" * 50
    parsed = parse(text)
    assert parsed.syntax_error is None and parsed.evaluate(lookup) is None


def test_conditions_of_the_model():
    xml = b"""<Protocol><Params>
      <Param id="10"><Interprete><Type>double</Type></Interprete></Param></Params>
      <Groups><Group id="1"><Condition><![CDATA[id:10 == "x"]]></Condition></Group></Groups>
      <Actions><Action id="bad"><Condition>id:99 == 1</Condition></Action></Actions></Protocol>"""
    model = build_model(parse_document("p.xml", xml))
    assert [site.label for site in model.conditions] == ["Group 1"]
    assert [issue.kind for issues in model.condition_issues.values() for issue in issues] == ["invalid"]
