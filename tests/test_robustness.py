"""Inputs that once crashed dmlint, and the engine's promise behind them (issue 10).

- A rule can never make the engine fail to place a finding: a problem without an element
  lands on the rule's SUBJECT (else the root), and a finding that cannot be placed at all
  is one INT001 for that rule while every other finding of the file is kept.
- Entity references never reach libxml2's schema validator: the schema is validated on a copy
  without them (the text around them kept), and `--verbose` says so.
- Every minimized reproducer under tests/crashes lints without INT001 and without
  an internal error, through the installed script too (stdin and file), with the findings
  a user expects (EXPECTED below for A and B, tests/crashes/EXPECTED.json for those the
  mutation fuzzer found: C and D, issue 10's huge and Unicode-digit ids, now read by
  dmlint.core.ids, and one more shape of B).
"""

from __future__ import annotations

import json
import types
from pathlib import Path

import pytest
from lxml import etree

from dmlint.core import engine
from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.parser import Document, parse
from dmlint.core.problem import Problem
from dmlint.core.registry import Rule, all_rules
from dmlint.model import build_model

from conftest import FIXTURES, SHARED, run_dmlint, shared_path

CRASHES = Path(__file__).resolve().parent / "crashes"  # not rule fixtures: no markers
ALL = frozenset(rule.code for rule in all_rules())
# What a user expects from each reproducer besides "no crash": the finding that names the problem.
EXPECTED = {
    "a_port_settings_without_type.xml": {"CON007", "CON009"},
    "b_entity_reference.xml": {"CON007"},
    "b_entity_reference_in_namespace.xml": {"XSD001"},
}


def lint(data: bytes, selected=ALL, **settings):
    return lint_bytes("t.xml", data, LintSettings(selected=frozenset(selected), **settings)).findings


def codes(findings) -> list[str]:
    return [finding.code for finding in findings]


# -- A: a problem without an element ---------------------------------------------------------


def test_port_settings_without_type_gives_findings_not_a_crash():
    """CON003 used to yield a Problem without an element here (INT001, every finding lost);
    now it leaves a protocol without Protocol/Type to CON007, as the official check does."""
    findings = lint(b"<Protocol><Ports><PortSettings/></Ports></Protocol>")
    assert "INT001" not in codes(findings)
    assert ("CON007", 1, 1) in [(f.code, f.line, f.column) for f in findings]
    [unnamed] = [f for f in findings if f.code == "CON009"]
    assert (unnamed.line, unnamed.column) == (1, 18)  # the <PortSettings> inside <Ports>
    assert unnamed.identity == "Protocol/Ports/PortSettings"


def test_port_settings_without_type_on_stdin_is_json_with_exit_1():
    result = run_dmlint("check", "--format", "json", "-", input=b"<Protocol><Ports><PortSettings/></Ports></Protocol>")
    assert result.returncode == 1, result.stderr
    assert b"internal error" not in result.stderr
    assert "CON007" in [f["code"] for f in json.loads(result.stdout)["findings"]]


def _fake_rule(code: str, check, subject=()):
    """A rule backed by a module made here (check and SUBJECT), as the registry would load it."""
    module = types.ModuleType(f"dmlint.rules.fake.{code.lower()}")
    module.__doc__ = "A rule for this test only."
    module.check = check
    module.SUBJECT = subject
    rule = Rule(code, f"fake-{code.lower()}", "error", "A fake rule", True, module.__name__)
    rule._loaded["module"] = module
    return rule


def _with_rules(monkeypatch, *checks):
    """The real rules plus fake ones (code, check, subject) for one test."""
    fakes = [_fake_rule(code, check, subject) for code, check, subject in checks]
    monkeypatch.setattr(engine, "all_rules", lambda: tuple(all_rules()) + tuple(fakes))
    return frozenset(ALL | {code for code, _, _ in checks})


PROTOCOL = b"""<Protocol>
  <Name>x</Name>
  <Ports>
    <PortSettings name="a"/>
  </Ports>
</Protocol>
"""


def test_problem_without_element_is_placed_on_the_subject_else_the_root(monkeypatch):
    selected = _with_rules(
        monkeypatch,
        ("ZZZ901", lambda model: [Problem(None, "no element, subject exists")], ("Ports", "PortSettings")),
        ("ZZZ902", lambda model: [Problem(None, "no element, subject partly exists")], ("Ports", "Nothing")),
        ("ZZZ903", lambda model: [Problem(None, "no element, no subject")], ()),
    )
    findings = {f.code: f for f in lint(PROTOCOL, selected)}
    assert "INT001" not in findings
    assert (findings["ZZZ901"].line, findings["ZZZ901"].column) == (4, 5)
    assert (findings["ZZZ902"].line, findings["ZZZ902"].column) == (3, 3)
    assert (findings["ZZZ903"].line, findings["ZZZ903"].column) == (1, 1)
    assert findings["ZZZ903"].identity == "Protocol"


def test_a_finding_that_cannot_be_placed_is_int001_for_that_rule_only(monkeypatch):
    def unplaceable(model):
        yield Problem(model.root, "placed fine")
        yield Problem("not an element", "cannot be located")
        yield Problem(model.root, "placed fine too")

    def crashing(model):
        yield Problem(model.root, "yielded before the crash")
        raise KeyError("boom")

    selected = _with_rules(monkeypatch, ("ZZZ904", unplaceable, ()), ("ZZZ905", crashing, ()))
    findings = lint(PROTOCOL, selected)
    internal = [f.message for f in findings if f.code == "INT001"]
    assert len(internal) == 2
    assert any("ZZZ904" in m and "could not be placed" in m for m in internal)
    assert any("ZZZ905" in m and "KeyError" in m for m in internal)
    assert [f.message for f in findings if f.code == "ZZZ904"] == ["placed fine", "placed fine too"]
    assert [f.message for f in findings if f.code == "ZZZ905"] == ["yielded before the crash"]
    assert "CON007" in codes(findings)  # the real rules' findings are all still there


def test_a_crash_outside_the_rules_is_one_int001_not_an_exception(monkeypatch):
    def broken_model(document):
        raise RuntimeError("model bug")

    monkeypatch.setattr("dmlint.model.build_model", broken_model)
    findings = lint(PROTOCOL)
    assert codes(findings) == ["INT001"] and "model bug" in findings[0].message


def _documents(folder: Path, pattern: str, limit: int | None = None):
    for path in sorted(folder.glob(pattern))[:limit]:
        document = parse(str(path), path.read_bytes())
        if isinstance(document, Document):
            yield path, document


def _element_less(document: Document) -> list[str]:
    """Every problem any rule yields on this document that is not anchored on one of its elements."""
    model = build_model(document)
    found = []
    for rule in all_rules():
        if rule.check is None:
            continue
        for problem in rule.check(model):
            element = problem.element
            ok = (element is not None and hasattr(element, "getroottree") and isinstance(element.tag, str)
                  and element.getroottree().getroot() is document.root)
            if not ok:
                found.append(f"{rule.code}: {problem.message[:80]}")
    return found


def test_no_rule_yields_a_problem_without_an_element_on_the_official_samples():
    samples = shared_path("conformance", "official", "samples")
    bad = {path.name: problems for path, document in _documents(samples, "*.xml")
           if (problems := _element_less(document))}
    assert not bad, bad


def test_no_rule_yields_a_problem_without_an_element_on_the_corpus():
    real = shared_path("corpus", "real")
    bad = {path.name: problems for path, document in _documents(real, "*.xml")
           if (problems := _element_less(document))}
    assert not bad, bad


def test_no_rule_yields_a_problem_without_an_element_on_the_fixtures():
    bad = {path.name: problems for path, document in _documents(FIXTURES, "**/*.xml")
           if (problems := _element_less(document))}
    assert not bad, bad


# -- B: entity references ----------------------------------------------------------------------


NAMESPACED = (b'<!DOCTYPE Protocol [<!ENTITY e "x"><!ENTITY f "y">]>\n'
              b'<Protocol xmlns="http://www.skyline.be/protocol">\n'
              b'  <Name>&e;</Name>\n  <Description>a &f; b &e;</Description>\n'
              b'  <Params><Bogus/></Params>\n</Protocol>\n')


def test_entity_reference_never_reaches_the_validator_and_the_schema_still_runs():
    findings = lint(NAMESPACED)
    assert "INT001" not in codes(findings)
    [unexpected] = [f for f in findings if f.code == "XSD001"]  # validated, on a copy without them
    assert (unexpected.line, unexpected.column) == (5, 11) and "<Bogus>" in unexpected.message


def test_entity_reference_without_namespace_and_with_the_bundled_schema():
    findings = lint(b'<!DOCTYPE P [<!ENTITY e "">]><Protocol>&e;</Protocol>')
    assert "INT001" not in codes(findings) and "CON007" in codes(findings)


def test_entity_reference_with_the_official_schema():
    xsd = shared_path("skyline-xsd", "protocol.xsd")
    findings = lint(NAMESPACED, schema=str(xsd))
    assert "INT001" not in codes(findings)
    assert {"XSD001", "XSD002"} <= set(codes(findings))


def test_text_around_an_entity_reference_is_still_validated():
    """Only the reference goes: a bad value next to it is still reported (by the schema, or by
    the rule that judges that value, which then replaces the schema's finding)."""
    data = (b'<!DOCTYPE Protocol [<!ENTITY e "1">]>\n<Protocol xmlns="http://www.skyline.be/protocol">'
            b'<Params><Param id="1"><Display><RTDisplay>&e;maybe</RTDisplay></Display></Param></Params>'
            b'</Protocol>')
    found = lint(data)
    assert "INT001" not in codes(found)
    assert any(f.code in ("XSD003", "PRM101") and "maybe" in f.message for f in found), [f.message for f in found]


def test_verbose_names_the_unexpanded_entities(tmp_path):
    path = tmp_path / "entities.xml"
    path.write_bytes(NAMESPACED)
    result = run_dmlint("check", "--verbose", "-j", "1", str(path))
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "3 entity reference(s) left unexpanded (&e;, &f;)" in stderr, stderr
    assert "Traceback" not in stderr and "INT001" not in result.stdout.decode()


def test_file_without_doctype_is_validated_in_place():
    from dmlint.schema import _validation_root

    document = parse("t.xml", b'<Protocol xmlns="http://www.skyline.be/protocol"><Name>&amp;</Name></Protocol>')
    assert _validation_root(document) == (document.root, False)  # no copy for an ordinary file


# -- every reproducer ----------------------------------------------------------------------


REPRODUCERS = sorted(CRASHES.glob("*.xml"))


def _fuzzer_found() -> dict[str, dict]:
    """Reproducers the fuzzer found (tests/crashes/EXPECTED.json): name -> {"codes": [...]} and,
    for a crash whose fix belongs to another change, "xfail": the reason (e.g. a number read
    without dmlint.core.ids: "ids: lead's change"). A bare list is the codes."""
    listing = CRASHES / "EXPECTED.json"
    if not listing.exists():
        return {}
    entries = json.loads(listing.read_text(encoding="utf-8"))
    return {name: entry if isinstance(entry, dict) else {"codes": entry} for name, entry in entries.items()}


def _expected(path: Path) -> set[str]:
    return EXPECTED.get(path.name) or set(_fuzzer_found().get(path.name, {}).get("codes", ()))


def _reproducers():
    """The reproducers as test parameters; an xfail one must still fail (strict), so it flips
    to a failure that says 'remove the xfail' once the fix is merged."""
    found = _fuzzer_found()
    for path in REPRODUCERS:
        reason = found.get(path.name, {}).get("xfail")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(path, marks=marks, id=path.name)


def test_every_reproducer_is_listed():
    assert {path.name for path in REPRODUCERS} == set(EXPECTED) | set(_fuzzer_found())


@pytest.mark.parametrize("path", list(_reproducers()))
def test_reproducer_lints_cleanly_in_process(path):
    found = codes(lint(path.read_bytes()))
    assert "INT001" not in found
    assert _expected(path) <= set(found), found


@pytest.mark.parametrize("path", list(_reproducers()))
def test_reproducer_through_the_script(path):
    for args, stdin in ((["-"], path.read_bytes()), ([str(path)], None)):
        result = run_dmlint("check", "--select", "ALL", "--format", "json", *args, input=stdin)
        assert result.returncode in (0, 1), result.stderr
        assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
        assert "INT001" not in [f["code"] for f in json.loads(result.stdout)["findings"]]


def test_reproducers_are_small_and_written_here():
    for path in REPRODUCERS:  # a 4,301-digit value is most of the biggest
        assert path.stat().st_size < 8192, f"{path.name}: minimize it"
    if SHARED.is_dir():  # none is a copy of a shared file
        shared = {p.read_bytes() for p in (SHARED / "corpus" / "real").glob("*.xml")}
        assert not any(path.read_bytes() in shared for path in REPRODUCERS)


def test_entity_nodes_really_are_what_crashed_libxml2():
    """Validating a tree that still holds an entity reference is what failed (so the guard is needed)."""
    from dmlint.schema import bundled_schema

    root = etree.fromstring(NAMESPACED, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    assert list(root.iter(etree.Entity))
    with pytest.raises(etree.XMLSchemaValidateError):
        bundled_schema().schema.validate(root.getroottree())
