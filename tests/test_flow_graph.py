"""The flow graph (dmlint.model.flow_graph): who runs whom, and its loops, without recursion."""

from __future__ import annotations

from dmlint.core.parser import parse
from dmlint.model import build_model


def model_of(body: str):
    return build_model(parse("p.xml", f"<Protocol>{body}</Protocol>".encode()))


def chain(length: int, closed: bool) -> str:
    """Trigger i on param i runs action i, which increments param i + 1 (the last one: param 0)."""
    params = "".join(f'<Param id="{i + 1}"><Type>read</Type></Param>' for i in range(length))
    triggers = "".join(f'<Trigger id="{i + 1}"><On id="{i + 1}">parameter</On><Time>change</Time>'
                       f'<Type>action</Type><Content><Id>{i + 1}</Id></Content></Trigger>' for i in range(length))
    actions = "".join(f'<Action id="{i + 1}"><On id="{(i + 1) % length + 1 if closed else i + 2}">parameter</On>'
                      f'<Type>increment</Type></Action>' for i in range(length))
    return f"<Params>{params}</Params><Triggers>{triggers}</Triggers><Actions>{actions}</Actions>"


def test_a_long_loop_is_found_without_recursion():
    graph = model_of(chain(5000, closed=True)).flow_graph
    cycles = graph.cycles()
    assert len(cycles) == 1
    assert len(cycles[0].nodes) == 3 * 5000
    assert cycles[0].path.startswith("Trigger 1 -> Action 1 -> Param 2 -> Trigger 2")


def test_a_long_chain_has_no_loop():
    assert model_of(chain(5000, closed=False)).flow_graph.cycles() == []


def test_each_triggers_go_through_one_hub():
    groups = "".join(f'<Group id="{i}"><Content><Param>1</Param></Content></Group>' for i in range(1, 201))
    body = ('<Params><Param id="1"><Type>read</Type></Param></Params>'
            '<Triggers><Trigger id="1"><On id="each">group</On><Time>after</Time><Type>action</Type>'
            '<Content><Id>1</Id></Content></Trigger></Triggers>'
            '<Actions><Action id="1"><On id="7">group</On><Type>execute</Type></Action></Actions>'
            f"<Groups>{groups}</Groups>")
    graph = model_of(body).flow_graph
    assert sum(len(edges) for edges in graph.edges) < 3 * 200 + 10
    cycles = graph.cycles()
    assert [cycle.path for cycle in cycles] == ["Trigger 1 -> Action 1 -> Group 7 -> Trigger 1"]


def test_successors_and_conditional_loops():
    body = ('<Params><Param id="1"><Type>read</Type></Param></Params>'
            '<Triggers><Trigger id="1"><On id="1">parameter</On><Time>change</Time><Type>action</Type>'
            '<Condition>id:1 &lt; 5</Condition><Content><Id>1</Id></Content></Trigger></Triggers>'
            '<Actions><Action id="1"><On id="1">parameter</On><Type>increment</Type></Action></Actions>')
    model = model_of(body)
    graph = model.flow_graph
    trigger = graph.node_of(model.triggers[0].element)
    assert [node.label for node in graph.successors(trigger)] == ["Action 1"]
    (cycle,) = graph.cycles()
    assert cycle.conditional
