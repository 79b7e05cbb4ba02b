"""The execution-flow rules (COND, GRP, TRG, ACT, TMR, FLOW) on the real protocols of ../shared
(skipped without it): no crash, exactly the reviewed findings, and loops made in memory."""

from __future__ import annotations

from collections import Counter

import pytest

from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.registry import all_rules

from conftest import shared_path

FAMILIES = ("COND", "GRP", "TRG", "ACT", "TMR", "FLOW")
CODES = frozenset(r.code for r in all_rules() if r.code.rstrip("0123456789") in FAMILIES)

# Every finding of these families on the 64 real protocols, reviewed against the XML
# (docs/official/conformance.md, "The execution flow").
REVIEWED = Counter({
    ("FlorisCO__Dojo-HttpPostCsv__protocol.xml", "TRG011", 327): 1,
    ("FlorisCO__Dojo-HttpPostCsv__protocol.xml", "TRG004", 328): 1,
    ("SkylineCommunications__SLC-C-DevOpsExercise1__protocol.xml", "ACT003", 248): 1,
    ("SkylineCommunications__SLC-C-DevOpsExercise1__protocol.xml", "TMR011", 266): 1,
    ("SkylineCommunications__SLC-C-DevOpsExercise1__protocol.xml", "TMR011", 267): 1,
    ("foosoftsrl__dataminer-experiments__readxml_protocol.xml", "TRG012", 616): 1,
    ("mplakalovi1__SLB-C-CollectiveGoals__protocol.xml", "ACT014", 279): 1,
    ("scomor55__SLC-C-TrainingExerciseEncoderDecoder__protocol.xml", "ACT004", 984): 1,
    ("scomor55__SLC-C-TrainingExerciseEncoderDecoder__protocol.xml", "ACT004", 1011): 1,
})


def lint(path, data=None):
    data = path.read_bytes() if data is None else data
    return lint_bytes(str(path), data, LintSettings(selected=CODES | {"INT001"})).findings


def test_real_protocols_give_exactly_the_reviewed_findings():
    files = sorted(shared_path("corpus", "real").glob("*.xml"))
    assert len(files) >= 60
    found = Counter()
    for path in files:
        for finding in lint(path):
            assert finding.code != "INT001", (path.name, finding.message)
            found[(path.name, finding.code, finding.line)] += 1
    assert found == REVIEWED


def test_a_loop_made_in_a_real_protocol_is_found():
    # Dojo-HttpPostCsv: Trigger 100 (on Param 100, with a condition) runs Action 100; make that
    # action increment Param 100 instead of polling group 400.
    path = shared_path("corpus", "real", "FlorisCO__Dojo-HttpPostCsv__protocol.xml")
    text = path.read_text(encoding="utf-8-sig")
    original = '<On id="400">group</On>\n\t\t\t<Type>execute</Type>'
    assert original in text
    changed = text.replace(original, '<On id="100">parameter</On>\n\t\t\t<Type>increment</Type>', 1)
    loops = [f for f in lint(path, changed.encode("utf-8")) if f.code == "FLOW001"]
    assert [(f.skyline, f.message) for f in loops] == [
        (("1.24.2",), "Potential endless loop: Trigger 100 -> Action 100 -> Param 100 -> Trigger 100 (only the "
                      "condition of Trigger 100 can stop it)")]
    assert len(loops[0].related) == 3


@pytest.mark.parametrize("name", ["chirangee98__Dataminer-Protocol-IRD-__protocol.xml"])
def test_the_flow_graph_of_a_large_real_protocol(name):
    from dmlint.core.parser import parse
    from dmlint.model import build_model

    path = shared_path("corpus", "real", name)
    graph = build_model(parse(str(path), path.read_bytes())).flow_graph
    assert graph.cycles() == []
    assert sum(len(edges) for edges in graph.edges) > 100
