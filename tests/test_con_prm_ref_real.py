"""CON, PRM and REF rules on the real protocols of ../shared (skipped without it), and through the CLI."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.ids import normalize_id
from dmlint.core.parser import parse
from dmlint.core.registry import all_rules
from dmlint.model import build_model, child, children

from conftest import FIXTURES, run_json, shared_path

FAMILY_CODES = frozenset(r.code for r in all_rules() if r.code[:3] in ("CON", "PRM", "REF"))


def real_files():
    return sorted(shared_path("corpus", "real").glob("*.xml"))


def lint(path, data=None, codes=FAMILY_CODES):
    data = path.read_bytes() if data is None else data
    return lint_bytes(str(path), data, LintSettings(selected=codes)).findings


def test_real_protocols_lint_without_crash():
    files = real_files()
    assert len(files) >= 60
    for path in files:
        findings = lint(path)
        assert not [f for f in findings if f.code == "INT001"], path.name
        assert all(f.line >= 1 and f.code in FAMILY_CODES for f in findings)


@pytest.mark.parametrize("name, code, line, official", [
    # Type@advanced="http" gives the extra connection no name, its PortSettings calls it 'HTTP Connection'.
    ("chirangee98__Dataminer-Protocol-IRD-__protocol.xml", "CON006", 11, ("1.23.1",)),
    # <Type>Dummy</Type>: not a connection type (and not lower case).
    ("PigeonMan3__MaskElementsInView__protocol.xml", "CON007", 6, ("1.8.3",)),
    # <Type relativeTimers="true"></Type>: no main connection type at all.
    ("SkylineCommunications__TestMVA__protocol.xml", "CON007", 57, ("1.8.2",)),
    # An http protocol without any PortSettings.
    ("EnverPO__RngDataMinerDriver__protocol.xml", "CON003", 57, ("1.23.5",)),
])
def test_reviewed_real_findings(name, code, line, official):
    path = shared_path("corpus", "real", name)
    hits = [f for f in lint(path) if f.code == code and f.line == line]
    assert hits, f"{code} expected on line {line}"
    assert hits[0].skyline == official


def _first_checked_reference(model):
    for reference in model.all_references:
        pid = normalize_id(reference.raw)
        if reference.site.judged_by is None and pid is not None and model.params.get(pid):
            return reference, pid
    return None, None


def test_removing_a_referenced_param_from_real_protocols_is_reported():
    """Mutation test on real structures: delete the Param a real reference names; the rule that owns
    the site (REF001, or HTTP006 for an HTTP session site) must say so."""
    mutated = 0
    for path in real_files():
        data = path.read_bytes()
        document = parse(str(path), data)
        model = build_model(document)
        reference, pid = _first_checked_reference(model)
        if reference is None:
            continue
        for param in model.params[pid]:
            param.element.getparent().remove(param.element)
        changed = etree.tostring(document.root.getroottree(), encoding="utf-8", xml_declaration=True)
        owner = reference.site.owner("missing")
        findings = lint(path, changed, frozenset({owner}))
        assert any(f"Param {pid}" in f.message or f"table {pid}" in f.message for f in findings), path.name
        assert findings and all(f.code == owner for f in findings)
        mutated += 1
    assert mutated >= 60


def test_duplicating_and_reserving_real_param_ids_is_reported():
    for path in real_files()[:20]:
        document = parse(str(path), path.read_bytes())
        params = children(child(document.root, "Params"), "Param")
        if len(params) < 2:
            continue
        first = params[0]
        twin = copy.deepcopy(first)
        first.addnext(twin)
        params[1].set("id", "65000")
        data = etree.tostring(document.root.getroottree(), encoding="utf-8", xml_declaration=True)
        codes = {f.code for f in lint(path, data, frozenset({"PRM002", "PRM003"}))}
        assert codes == {"PRM002", "PRM003"}, path.name


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_cli_json_carries_the_official_code_of_each_finding():
    refs, prms = FIXTURES / "references" / "ref001_sites.xml", FIXTURES / "params" / "prm001_ids.xml"
    code, report = run_json("check", "--select", "REF,GRP005,RSP005,QA006,PRM001", str(refs), str(prms))
    assert code == 1
    found = {(f["code"], f["line"], tuple(f["skyline"])) for f in report["findings"]}
    assert ("RSP005", line_of(refs, "<Param>915</Param>"), ("11.3.1",)) in found  # Response/Content/Param
    assert ("GRP005", line_of(refs, "<Param>917</Param>"), ("4.2.1",)) in found  # Group/Content/Param
    assert ("QA006", line_of(refs, 'triggers="1;908"'), ("3.2.4",)) in found  # QAction@triggers
    assert ("PRM001", line_of(prms, "<Name>NoId</Name>"), ("2.1.1",)) in found
    assert ("PRM001", line_of(prms, 'id=""'), ("2.1.2",)) in found
    assert ("PRM001", line_of(prms, 'id="012"'), ("2.1.3",)) in found


def test_off_by_default_rules_only_run_when_selected():
    path = str(FIXTURES / "connections" / "con002_connections_only.xml")
    _, default = run_json("check", path)
    assert "CON002" not in {f["code"] for f in default["findings"]}
    _, selected = run_json("check", "--select", "CON002", path)
    assert [(f["code"], f["line"]) for f in selected["findings"]] == [("CON002", 4)]


def _synthetic_protocol(count: int) -> bytes:
    """`count` params, each referenced from a QAction, a group, a response and a condition; half dangle."""
    params = "".join(f'<Param id="{i}"><Name>P{i}</Name><Type>read</Type></Param>' for i in range(1, count + 1))
    refs = "".join(
        f'<QAction id="{i}" triggers="{i};{i + count}"/>' for i in range(1, count + 1))
    groups = "".join(f'<Group id="{i}"><Content><Param>{i + count}</Param></Content>'
                     f'<Condition>id:{i} == 1</Condition></Group>' for i in range(1, count + 1))
    return (f'<Protocol xmlns="http://www.skyline.be/protocol"><Type>snmp</Type>'
            f'<PortSettings name="SNMP Connection"/><Params>{params}</Params><QActions>{refs}</QActions>'
            f'<Groups>{groups}</Groups></Protocol>').encode()


def test_cost_grows_linearly_with_the_number_of_references():
    import time

    def best_time(data):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            settings = LintSettings(selected=FAMILY_CODES | {"GRP005", "QA006"})
            findings = lint_bytes("synthetic.xml", data, settings).findings
            best = min(best, time.perf_counter() - start)
        return best, findings

    small, small_findings = best_time(_synthetic_protocol(500))
    large, large_findings = best_time(_synthetic_protocol(4000))
    # Dangling QAction triggers (QA006) and group content (GRP005), since issue 14.
    assert len([f for f in small_findings if f.code in ("QA006", "GRP005")]) == 1000
    assert len([f for f in large_findings if f.code in ("QA006", "GRP005")]) == 8000
    # 8x the input: linear code takes about 8x the time; a per-reference scan would take about 64x.
    assert large / small < 24, f"{small:.3f}s -> {large:.3f}s"
