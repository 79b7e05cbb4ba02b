"""Schema validation: the bundled schema, the .NET regex rewriting, Skyline's protocol.xsd (from ../shared)."""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter

import pytest
from lxml import etree

from dmlint.core.engine import LintSettings, lint_bytes, lint_file
from dmlint.core.selection import select_rules
from dmlint.schema import PROTOCOL_NS, UNIT_TEST_NS, SchemaLoadError, bundled_schema, load_schema
from dmlint.schema.dotnet_regex import UnsupportedPattern, to_xsd

from conftest import EXAMPLES, FIXTURES, REPO, run_dmlint, run_json, shared_path
from harness import expectations

XSD = FIXTURES / "schema"
BROKEN = XSD / "broken.xml"
USE_CASE_4 = XSD / "use_case_4.xml"
FOLLOW_ON_TEXT = ("precomputed", "evaluate to a node", "{http")


def xsd_findings(path, schema=None):
    settings = LintSettings(selected=select_rules(select=["XSD"]), schema=schema)
    report = lint_file(str(path), settings)
    assert report.checked, report.skipped
    return report.findings


def xsd_findings_of(data: bytes, schema=None, name="mem.xml"):
    settings = LintSettings(selected=select_rules(select=["XSD"]), schema=schema)
    return lint_bytes(name, data, settings).findings


def official():
    return str(shared_path("skyline-xsd", "protocol.xsd"))


# -- bundled schema ------------------------------------------------------------------------------
def test_bundled_schema_compiles_once_per_process():
    assert bundled_schema() is bundled_schema()
    assert load_schema(None) is bundled_schema()


def expected_findings(path) -> Counter:
    return Counter((expected.code, expected.line) for expected in expectations(path))


def test_broken_fixture_gives_exactly_the_marked_findings():
    found = Counter((f.code, f.line) for f in xsd_findings(BROKEN))
    assert found == expected_findings(BROKEN)


def test_messages_suggest_and_drop_namespace_braces():
    by_line = {f.line: f for f in xsd_findings(BROKEN)}
    assert by_line[10].message == ("unexpected element <WebSocketHandShake> in <CommunicationOptions>; "
                                   "did you mean <WebSocketHandshake>?")
    assert by_line[25].message.endswith("did you mean <DefaultValue>?")
    assert by_line[39].message == ("unexpected element <Header> in <Request>; "
                                   "did you mean to put it inside <Headers>?")
    assert "'12a'" in by_line[27].message and "unsigned integer" in by_line[27].message
    assert "'1'" in by_line[14].message and "unique" in by_line[14].message
    assert "'pid'" in by_line[42].message
    for finding in by_line.values():
        assert "{" not in finding.message, finding.message


def test_columns_point_at_the_start_tag_or_the_attribute():
    by_line = {f.line: f for f in xsd_findings(BROKEN)}
    lines = BROKEN.read_text(encoding="utf-8").splitlines()
    assert by_line[10].column == lines[9].index("<WebSocketHandShake") + 1
    assert by_line[39].column == lines[38].index("<Header") + 1
    assert by_line[19].column == lines[18].index("save=") + 1  # attribute value error -> the attribute
    assert by_line[27].column == lines[26].index("id=") + 1
    assert by_line[42].column == lines[41].index("<Content") + 1  # missing attribute -> the start tag


def test_documented_use_case_4_is_clean_with_the_bundled_schema():
    assert xsd_findings(USE_CASE_4) == []


def test_example_and_every_ws_fixture_give_no_bundled_schema_finding():
    files = [EXAMPLES / "websocket-handshake.xml", *sorted((FIXTURES / "websocket").glob("*.xml"))]
    assert len(files) > 20
    for path in files:
        assert [(f.code, f.line, f.message) for f in xsd_findings(path)] == [], path.name


def test_no_namespace_file_is_validated_as_the_protocol_namespace():
    data = BROKEN.read_bytes().replace(f' xmlns="{PROTOCOL_NS}"'.encode(), b"")
    assert b"xmlns=" not in data
    found = Counter((f.code, f.line) for f in xsd_findings_of(data))
    assert found == expected_findings(BROKEN)


def test_unit_test_namespace_fragments_are_not_schema_validated():
    data = BROKEN.read_bytes().replace(PROTOCOL_NS.encode(), UNIT_TEST_NS.encode())
    assert xsd_findings_of(data) == []


def test_elements_from_other_namespaces_are_allowed_at_the_top():
    data = USE_CASE_4.read_bytes().replace(
        b"</Protocol>", b'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><X/></Signature></Protocol>')
    assert xsd_findings_of(data) == []


def test_open_sections_accept_anything():
    data = USE_CASE_4.read_bytes().replace(
        b"</Params>", b'</Params><QActions><QAction id="1" anything="x"><Whatever/></QAction></QActions>')
    data = data.replace(b"<Measurement>", b"<Measurement><Unknown a='1'>text</Unknown>", 1)
    assert xsd_findings_of(data) == []


def test_misspelt_top_level_section_is_reported():
    data = USE_CASE_4.read_bytes().replace(b"<HTTP>", b"<Http>").replace(b"</HTTP>", b"</Http>")
    findings = xsd_findings_of(data)
    assert [f.code for f in findings] == ["XSD001"]
    assert "did you mean <HTTP>?" in findings[0].message


# -- command line --------------------------------------------------------------------------------
def test_check_runs_the_bundled_schema_by_default():
    code, report = run_json("check", str(BROKEN))
    assert code == 1
    found = Counter((f["code"], f["line"]) for f in report["findings"] if f["code"].startswith("XSD"))
    expected = expected_findings(BROKEN)
    # '12a' is PRM001's to report: the same attribute is not reported twice; likewise
    # RTDisplay 'yes' is PRM101's
    del expected[("XSD003", 27)]
    del expected[("XSD003", 32)]
    assert found == expected
    assert ("PRM001", 27) in {(f["code"], f["line"]) for f in report["findings"]}
    assert ("PRM101", 32) in {(f["code"], f["line"]) for f in report["findings"]}


def test_one_mistake_one_finding_across_every_fixture():
    """No schema finding sits on the position of a rule's finding in any fixture of any family."""
    settings = LintSettings(selected=select_rules(select=["ALL"]))
    files = sorted(FIXTURES.glob("**/*.xml")) + [EXAMPLES / "websocket-handshake.xml"]
    assert len(files) > 50
    for path in files:
        report = lint_file(str(path), settings)
        rule_positions = {(f.line, f.column) for f in report.findings if not f.code.startswith("XSD")}
        clashes = [(f.code, f.line, f.column) for f in report.findings
                   if f.code.startswith("XSD") and (f.line, f.column) in rule_positions]
        assert clashes == [], path.name


def test_when_the_rule_is_ignored_the_schema_still_reports_the_value():
    code, report = run_json("check", "--ignore", "PRM001", str(BROKEN))
    assert ("XSD003", 27) in {(f["code"], f["line"]) for f in report["findings"]}


def test_xsd_codes_obey_select_ignore_and_no_schema():
    _, only_one = run_json("check", str(BROKEN), "--select", "XSD001")
    assert {f["code"] for f in only_one["findings"]} == {"XSD001"}
    _, ignored = run_json("check", str(BROKEN), "--ignore", "XSD")
    assert not [f for f in ignored["findings"] if f["code"].startswith("XSD")]
    _, off = run_json("check", str(BROKEN), "--no-schema")
    assert not [f for f in off["findings"] if f["code"].startswith("XSD")]
    assert [f for f in off["findings"] if f["code"].startswith("WS")]  # the rules still ran


def test_missing_schema_file_is_a_one_line_error(tmp_path):
    result = run_dmlint("check", "--schema", str(tmp_path / "nope.xsd"), str(USE_CASE_4))
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert err.startswith("dmlint: error: cannot read schema") and "\n" not in err
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("content, expected", [
    (b"<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element name='a' type='Nope'/></xs:schema>",
     "cannot compile schema"),
    (b"<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:simpleType name='t'><xs:restriction "
     b"base='xs:string'><xs:pattern value='(?=a)b'/></xs:restriction></xs:simpleType></xs:schema>",
     "has no XSD equivalent"),
    (b"<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'", "not well-formed"),
    (b"<notaschema/>", "is not an XML Schema"),
    (b"<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:include schemaLocation='gone.xsd'/></xs:schema>",
     "not found"),
])
def test_a_schema_that_cannot_be_used_is_exit_2_with_one_line(tmp_path, content, expected):
    schema = tmp_path / "bad.xsd"
    schema.write_bytes(content)
    result = run_dmlint("check", "--schema", str(schema), str(USE_CASE_4))
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert err.startswith("dmlint: error: ") and expected in err and "\n" not in err, err


def test_a_custom_schema_with_includes_and_dotnet_patterns_is_used(tmp_path):
    (tmp_path / "part.xsd").write_text(
        "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='http://www.skyline.be/protocol'>"
        "<xs:simpleType name='Code'><xs:restriction base='xs:string'><xs:pattern value='^AB-\\d+\\z'/>"
        "</xs:restriction></xs:simpleType></xs:schema>", encoding="utf-8")
    (tmp_path / "main.xsd").write_text(
        "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' xmlns:p='http://www.skyline.be/protocol' "
        "targetNamespace='http://www.skyline.be/protocol' elementFormDefault='qualified'>"
        "<xs:include schemaLocation='part.xsd'/>"
        "<xs:element name='Protocol'><xs:complexType><xs:sequence>"
        "<xs:element name='Name' type='p:Code' maxOccurs='unbounded'/></xs:sequence></xs:complexType></xs:element>"
        "</xs:schema>", encoding="utf-8")
    before = (tmp_path / "part.xsd").read_bytes()
    protocol = tmp_path / "p.xml"
    protocol.write_text(f'<Protocol xmlns="{PROTOCOL_NS}">\n<Name>AB-12</Name>\n<Name>AB-</Name>\n</Protocol>\n',
                        encoding="utf-8")
    result = run_dmlint("check", "-v", "--schema", str(tmp_path / "main.xsd"), "--select", "XSD", "--format", "json",
                        str(protocol))
    report = json.loads(result.stdout)
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("XSD003", 3)]
    err = result.stderr.decode()
    assert "part.xsd:1: ^AB-\\d+\\z  ->  AB-\\d+" in err
    assert (tmp_path / "part.xsd").read_bytes() == before  # never modified on disk


def test_verbose_notes_a_file_without_namespace(tmp_path):
    path = tmp_path / "protocol.xml"
    path.write_bytes(USE_CASE_4.read_bytes().replace(f' xmlns="{PROTOCOL_NS}"'.encode(), b""))
    result = run_dmlint("check", "-v", str(path))
    assert "no namespace: validated against the schema as if in" in result.stderr.decode()


# -- .NET regex -> XSD regex -------------------------------------------------------------------------
@pytest.mark.parametrize("dotnet, xsd", [
    (r"^DMS-DRV-[0-9]+$", r"DMS-DRV-[0-9]+"),
    (r"^[1-9]+[0-9]*000\z", r"[1-9]+[0-9]*000"),
    (r"^false$|^(true(:\d+)?)$", r"false|(true(:\d+)?)"),
    (r"^(a(?:;)?|b(?:;)?)+\z", r"(a(;)?|b(;)?)+"),
    (r"(\b([0-9]{1,4}|64500)\b)+(\:(single|table))?$", r"(([0-9]{1,4}|64500))(:(single|table))?"),
    (r"([^\/:*?]+\.dll)(;[^\/:*?]+\.dll)*", r"([^/:*?]+\.dll)(;[^/:*?]+\.dll)*"),
    (r"a\$b", r"a$b"),
    (r"x{2,3}?y", r"x{2,3}y"),
    (r"(?<year>\d{4})-\x41", r"(\d{4})-A"),
    (r"\d+(,\d+)*,?", r"\d+(,\d+)*,?"),
    (r"\w+", r"[\p{L}\p{Mn}\p{Nd}\p{Pc}]+"),  # XSD's own \w would also match '+'
])
def test_rewrites(dotnet, xsd):
    assert to_xsd(dotnet).pattern == xsd


@pytest.mark.parametrize("dotnet", [r"a(?=b)", r"(a)\1", r"(?i)abc", r"x.\by", r"a^b", r"\Ga", r"a++"])
def test_constructs_without_an_xsd_equivalent_are_refused(dotnet):
    with pytest.raises(UnsupportedPattern):
        to_xsd(dotnet)


def test_a_branch_that_can_never_match_is_removed():
    assert to_xsd(r"a$b|c").pattern == "c"
    assert to_xsd(r"a\bb|a").pattern == "a"  # no word boundary between two letters


def _xsd_accepts(pattern: str):
    """A predicate: does libxml2 accept the value for an xs:string restricted by this XSD pattern?"""
    xs = "http://www.w3.org/2001/XMLSchema"
    root = etree.fromstring(
        f"<xs:schema xmlns:xs='{xs}'><xs:element name='v'><xs:simpleType><xs:restriction base='xs:string'>"
        "<xs:pattern/></xs:restriction></xs:simpleType></xs:element></xs:schema>")
    root.find(f".//{{{xs}}}pattern").set("value", pattern)
    schema = etree.XMLSchema(root)

    def accepts(value: str) -> bool:
        element = etree.Element("v")
        element.text = value
        return schema.validate(etree.ElementTree(element))

    return accepts


@pytest.mark.parametrize("dotnet", [
    r"^DMS-DRV-[0-9]+$",
    r"^[1-9]+[0-9]*000\z",
    r"^false$|^(true(:\d+)?)$",
    r"^(ab(?:;)?|cd(?:;)?|(n=[^;]+(?:;)?))+\z",
    r"(\b([0-9]{1,2}|6[0-4][0-9])\b)+(\:(x|yz))?$",
    r"([^\/:;]+\.d)(;[^\/:;]+\.d)*",
    r"\b[a-c]+\b",
    r"[\w.-]+@\w+",
    r"\s?x\S+",
])
def test_rewritten_pattern_accepts_exactly_what_dotnet_accepts(dotnet):
    """Python's re stands in for .NET (same semantics for these constructs; `\\z` is `\\Z` there)."""
    reference = re.compile(dotnet.replace(r"\z", r"\Z"))
    accepts = _xsd_accepts(to_xsd(dotnet).pattern)
    alphabet = sorted(set(re.sub(r"\\.", "", dotnet)) - set("^$()[]{}|+*?\\") | set("0123456789;:-_+ \u00e9x@."))
    rng = random.Random(dotnet)
    samples = {"", "DMS-DRV-1234", "DMS-DRV-", "1000", "true:5", "false", "ab;cd", "n=x;ab", "12:x", "7",
               "649", "650", "1212", "a.d;b.d", "abc"}
    samples.update("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(600))
    mismatches = [s for s in sorted(samples) if bool(reference.fullmatch(s)) != accepts(s)]
    assert mismatches == [], mismatches[:10]
    assert any(reference.fullmatch(s) for s in samples), "the samples never exercise an accepted value"


# -- Skyline's official protocol.xsd (read from ../shared, never copied) --------------------------------
def test_official_schema_compiles_with_its_dotnet_patterns_rewritten():
    loaded = load_schema(official())
    assert load_schema(official()) is loaded  # compiled once per process
    rewritten = {r.original: r.rewritten for r in loaded.rewrites}
    assert rewritten["^DMS-DRV-[0-9]+$"] == "DMS-DRV-[0-9]+"
    assert all("\\z" not in r.rewritten and "(?:" not in r.rewritten and "\\b" not in r.rewritten
               for r in loaded.rewrites)


def test_official_schema_accepts_the_documented_use_case_4():
    assert xsd_findings(USE_CASE_4, schema=official()) == []


@pytest.mark.parametrize("value, valid", [("DMS-DRV-1234", True), ("DMS-DRV-", False), ("^DMS-DRV-12$", False)])
def test_integration_id_anchors_were_rewritten_not_dropped(value, valid):
    data = USE_CASE_4.read_bytes().replace(b"DMS-DRV-1234", value.encode())
    findings = xsd_findings_of(data, schema=official())
    if valid:
        assert findings == []
    else:
        assert [(f.code, f.line) for f in findings] == [("XSD003", 12)]
        assert f"'{value}'" in findings[0].message and "IntegrationID" in findings[0].message


def test_follow_on_noise_after_an_invalid_param_id_is_folded():
    data = USE_CASE_4.read_bytes().replace(b'<Param id="9"', b'<Param id="9x"')
    findings = xsd_findings_of(data, schema=official())
    assert len(findings) == 1, [(f.code, f.line, f.message) for f in findings]
    assert findings[0].code == "XSD003" and "'9x'" in findings[0].message


def test_a_missing_key_attribute_is_one_finding():
    data = USE_CASE_4.read_bytes().replace(b'<Param id="9" ', b'<Param ')
    findings = xsd_findings_of(data, schema=official())
    assert [f.code for f in findings] == ["XSD002"], [(f.code, f.line, f.message) for f in findings]
    assert "'id'" in findings[0].message


def test_a_duplicate_id_under_two_constraints_is_one_finding():
    data = USE_CASE_4.read_bytes().replace(b'<Param id="9"', b'<Param id="8"')
    findings = xsd_findings_of(data, schema=official())
    assert [f.code for f in findings] == ["XSD004"], [(f.code, f.line, f.message) for f in findings]


def test_official_schema_requires_what_the_domain_brief_says():
    without_compliancies = re.sub(rb"<Compliancies>.*?</Compliancies>", b"", USE_CASE_4.read_bytes(), flags=re.S)
    findings = xsd_findings_of(without_compliancies, schema=official())
    assert [f.code for f in findings] == ["XSD002"] and "<Compliancies>" in findings[0].message
    without_response = re.sub(rb"<Response statusCode.*?</Response>", b"", USE_CASE_4.read_bytes(), flags=re.S)
    findings = xsd_findings_of(without_response, schema=official())
    assert [f.code for f in findings] == ["XSD002"] and "<Response>" in findings[0].message


def test_every_real_protocol_validates_without_crash_or_follow_on_noise():
    corpus = shared_path("corpus", "real")
    files = sorted(corpus.glob("*.xml"))
    assert len(files) == 64
    total = 0
    for path in files:
        problems = xsd_findings(path, schema=official())
        total += len(problems)
        for problem in problems:
            assert not any(text in problem.message for text in FOLLOW_ON_TEXT), (path.name, problem.message)
            assert problem.line >= 1
    assert total > 0  # the corpus does have official-schema errors; they are reported, not swallowed


def test_bundled_schema_findings_on_real_protocols_are_confirmed_by_the_official_schema():
    """The bundled schema is a lenient subset: where it reports, protocol.xsd reports on that line too."""
    corpus = shared_path("corpus", "real")
    bundled_total = 0
    for path in sorted(corpus.glob("*.xml")):
        bundled = {(f.line) for f in xsd_findings(path)}
        bundled_total += len(bundled)
        if bundled:
            strict = {f.line for f in xsd_findings(path, schema=official())}
            assert bundled <= strict, (path.name, bundled - strict)
    assert bundled_total <= 2  # a Param outside Params, a no-namespace file with non-protocol elements


def test_verbose_lists_the_rewritten_patterns():
    result = run_dmlint("check", "-v", "--schema", official(), "--select", "XSD", str(USE_CASE_4))
    assert result.returncode == 0
    err = result.stderr.decode()
    assert ".NET pattern(s) rewritten to XSD" in err
    assert "^DMS-DRV-[0-9]+$  ->  DMS-DRV-[0-9]+" in err


def test_the_official_schema_is_never_committed():
    try:
        listing = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, timeout=60)
    except OSError:
        pytest.skip("git is not available")
    if listing.returncode != 0:
        pytest.skip("not a git checkout")
    tracked = listing.stdout
    names = {line.rsplit("/", 1)[-1].lower() for line in tracked.splitlines()}
    assert "protocol.xsd" not in names and "uom.xsd" not in names


def test_schema_load_error_is_an_exception_not_an_exit(tmp_path):
    with pytest.raises(SchemaLoadError):
        load_schema(str(tmp_path / "missing.xsd"))


# -- configuration -------------------------------------------------------------------------------
SCHEMA_A = ("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='http://www.skyline.be/protocol' "
            "elementFormDefault='qualified'><xs:element name='Protocol'><xs:complexType><xs:sequence>"
            "<xs:element name='Name' type='xs:string'/></xs:sequence></xs:complexType></xs:element></xs:schema>")


def test_config_schema_key_is_used_and_the_option_wins(tmp_path):
    (tmp_path / "xsd").mkdir()
    (tmp_path / "xsd" / "only-name.xsd").write_text(SCHEMA_A, encoding="utf-8")
    (tmp_path / ".dmlint.toml").write_text('schema = "xsd/only-name.xsd"\n', encoding="utf-8")
    protocol = tmp_path / "protocol.xml"
    protocol.write_text(f'<Protocol xmlns="{PROTOCOL_NS}">\n<Name>x</Name>\n<Params/>\n</Protocol>\n', encoding="utf-8")
    # the configured schema allows only <Name>: <Params> on line 3 is unexpected
    code, report = run_json("check", "--select", "XSD", str(protocol), cwd=tmp_path)
    assert code == 1
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("XSD001", 3)]
    # --schema replaces the configured one; the bundled schema allows <Params>
    code, report = run_json("check", "--select", "XSD", "--schema", str(REPO / "schemas" / "protocol-core.xsd"),
                            str(protocol), cwd=tmp_path)
    assert (code, report["findings"]) == (0, [])
    # --no-schema turns it off whatever the configuration says
    code, report = run_json("check", "--select", "XSD", "--no-schema", str(protocol), cwd=tmp_path)
    assert (code, report["findings"]) == (0, [])


def test_a_failure_inside_schema_validation_is_an_int001_finding_not_a_crash(monkeypatch):
    import dmlint.schema as schema_module

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(schema_module, "_problems", broken)
    settings = LintSettings(selected=select_rules(select=["ALL"]))
    report = lint_file(str(BROKEN), settings)
    internal = [f for f in report.findings if f.code == "INT001"]
    assert len(internal) == 1 and "schema validation failed" in internal[0].message and "boom" in internal[0].message
    assert any(f.code.startswith("WS") for f in report.findings)  # the rules' findings are still there
