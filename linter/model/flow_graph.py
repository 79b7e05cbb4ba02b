"""The flow graph: who runs whom in a protocol, as one directed graph (`model.flow_graph`).

A node is an item of the execution flow: a trigger, an action, a group, a parameter, a pair,
a command, a response, a timer, an HTTP session or a QAction. An edge says that when the
first runs (or changes, or is sent, ...) DataMiner runs the second:

- a trigger runs the actions (or triggers, by its Type; action when absent) of its Content;
- an action runs what it acts on: a group it queues (a `set` on a group sets its parameters
  and runs no content), the parameters it changes (`aggregate`, `change length`, `go`,
  `increment`, `multiply`, `pow`; an aggregate writes the parameters of its options), the
  QActions of the parameters of a `run actions`, a pair or command it sends, a timer it
  starts or reschedules;
- a group runs its triggers before, its content (actions, pairs, parameters, sessions,
  triggers), its triggers after;
- a pair sends its commands and reads its responses, and after each of them runs its
  succeeded/timeout triggers (a step node per content item); a command runs its triggers
  before and after; a response its triggers before, the parameters it fills, its triggers
  after; a timer its triggers before and its groups; an HTTP session fills its response
  parameters (content and status code) and runs its timeout triggers;
- a parameter that changes runs the triggers on it (change, change after response,
  timeout, timeout after retries) and the QActions it triggers.

A trigger on `each` item of a kind is reached through one hub node per kind and moment, so
the graph stays linear in the size of the protocol. Only items whose id reads as a number
take part (the flow checks of the official validator do the same).

`cycles()` finds the loops: an iterative depth-first search with colours, linear in the
number of edges, that reports every edge back to a node still on the path (one per loop
found, in the order the official endless-loop check walks the flow: triggers first, then
actions, in document order).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dmlint.model.elements import child, children, text_of
from dmlint.model.flow import dotnet_uint, qaction_triggers, valid_id

LABELS = {"trigger": "Trigger", "action": "Action", "group": "Group", "param": "Param", "pair": "Pair",
          "command": "Command", "response": "Response", "timer": "Timer", "session": "Session",
          "qaction": "QAction"}
# The moments at which triggers on an item go off, by the item's kind.
PHASES = {
    ("parameter", "change"): "changed", ("parameter", "change after response"): "changed",
    ("parameter", "timeout"): "changed", ("parameter", "timeout after retries"): "changed",
    ("group", "before"): "before", ("group", "after"): "after",
    ("command", "before"): "before", ("command", "after"): "after",
    ("response", "before"): "before", ("response", "after"): "after",
    ("pair", "succeeded"): "done", ("pair", "timeout"): "done", ("pair", "timeout after retries"): "done",
    ("timer", "before"): "before",
    ("session", "timeout"): "timeout",
}
TRIGGER_KIND = {"parameter": "param", "group": "group", "command": "command", "response": "response",
                "pair": "pair", "timer": "timer", "session": "session"}
PARAM_ACTIONS = ("aggregate", "change length", "go", "increment", "multiply", "pow")


@dataclass
class FlowNode:
    kind: str  # trigger | action | group | param | pair | command | response | timer | session | qaction | hub
    id: str  # canonical id ('' for a hub)
    element: object | None
    conditional: bool = False  # has a Condition (or an aggregate defaultIf): a loop through it may stop
    variant: str = ""  # 'set': a group reached by a set action (its content is not run); 'pair N #i': the
    # command or response of a pair's content, followed by the pair's triggers

    @property
    def label(self) -> str:
        return f"{LABELS.get(self.kind, self.kind)} {self.id}"


@dataclass
class Cycle:
    """A loop of the flow: its nodes in order (the first is where the loop closes)."""

    nodes: list[FlowNode] = field(default_factory=list)

    @property
    def conditional(self) -> bool:
        return any(node.conditional for node in self.nodes)

    @property
    def path(self) -> str:
        return " -> ".join(node.label for node in self.nodes + self.nodes[:1])


class FlowGraph:
    """The nodes and edges of the flow (see the module documentation)."""

    def __init__(self, model):
        self.model = model
        self.nodes: list[FlowNode] = []
        self.edges: list[list[int]] = []
        self._index: dict[tuple, int] = {}
        self._triggers: dict[tuple, list[int]] = {}  # (kind, phase, id) -> trigger nodes
        self._each: dict[tuple, list[int]] = {}  # (kind, phase) -> trigger nodes on each
        self._by_element: dict[int, int] = {}
        self._steps: dict[int, list[int]] = {}  # a pair's content item -> the pair's triggers
        self._build()

    # -- nodes -----------------------------------------------------------------------
    def find(self, kind: str, item_id: str | None, variant: str = "") -> int | None:
        """The node of an item (creating it on first use), None when no such item exists."""
        if item_id is None:
            return None
        key = (kind, item_id, variant)
        found = self._index.get(key)
        if found is not None:
            return found
        element = self._element(kind, item_id)
        if element is None:
            return None
        return self._add(FlowNode(kind, item_id, element, variant=variant), key)

    def _add(self, node: FlowNode, key: tuple) -> int:
        index = len(self.nodes)
        self.nodes.append(node)
        self.edges.append([])
        self._index[key] = index
        if node.element is not None and not node.variant:
            self._by_element.setdefault(id(node.element), index)
        self._pending.append(index)
        return index

    def _element(self, kind: str, item_id: str):
        model = self.model
        if kind == "param":
            param = model.param(item_id)
            return param.element if param is not None else None
        return model.section(kind).get(item_id)

    def node_of(self, element) -> FlowNode | None:
        """The node of an element of the flow (a trigger, action, group, ... element), if it has one."""
        index = self._by_element.get(id(element))
        return self.nodes[index] if index is not None else None

    def successors(self, node: FlowNode) -> list[FlowNode]:
        index = self._index.get((node.kind, node.id, node.variant))
        return [self.nodes[target] for target in self.edges[index]] if index is not None else []

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        model = self.model
        self._pending: list[int] = []
        self._trigger_nodes = {}
        for trigger in model.triggers:
            if trigger.id is None:
                continue
            index = self.find("trigger", trigger.id)
            if index is None or self.nodes[index].element is not trigger.element:
                continue
            self._trigger_nodes[index] = trigger
            phase = PHASES.get((trigger.on or "", trigger.time or ""))
            if phase is None:
                continue
            kind = TRIGGER_KIND[trigger.on]
            if trigger.on_each:
                self._each.setdefault((kind, phase), []).append(index)
            elif trigger.on_id is not None:
                self._triggers.setdefault((kind, phase, trigger.on_id), []).append(index)
        self._actions = {action.element: action for action in model.actions}
        for action in model.actions:
            if action.id is not None:
                self.find("action", action.id)
        for kind in ("group", "pair", "command", "response", "timer"):
            for element in model.section(kind).items:
                self.find(kind, valid_id(element.get("id")))
        for session in model.all_sessions:
            self.find("session", valid_id(session.element.get("id")))
        while self._pending:
            index = self._pending.pop()
            self.edges[index] = self._successors(index)

    def _hub(self, kind: str, phase: str) -> int | None:
        each = self._each.get((kind, phase))
        if not each:
            return None
        key = ("hub", kind, phase)
        found = self._index.get(key)
        if found is None:
            found = self._add(FlowNode("hub", f"each {kind} {phase}", None), key)
            self._pending.pop()
            self.edges[found] = list(each)
        return found

    def _on(self, kind: str, phase: str, item_id: str) -> list[int]:
        """The triggers that go off on this item at this moment (each-triggers through their hub)."""
        found = list(self._triggers.get((kind, phase, item_id), ()))
        hub = self._hub(kind, phase)
        if hub is not None:
            found.append(hub)
        return found

    def _all(self, kind: str, ids) -> list[int]:
        return [index for index in (self.find(kind, item_id) for item_id in ids) if index is not None]

    def _successors(self, index: int) -> list[int]:
        node = self.nodes[index]
        kind, element = node.kind, node.element
        if kind == "trigger":
            trigger = self._trigger_nodes.get(index)
            if trigger is None:
                return []
            node.conditional = bool(text_of(trigger.condition))
            target = "trigger" if trigger.type == "trigger" else "action"
            return self._all(target, (dotnet_uint(item.text) for item in trigger.content_ids))
        if kind == "action":
            return self._action(node, self._actions[element])
        if kind == "group":
            node.conditional = bool(text_of(child(element, "Condition")))
            found = self._on("group", "before", node.id)
            if node.variant != "set":
                for item in _element_children(child(element, "Content")):
                    name = _local(item.tag)
                    value = (item.text or "").split(":")[0] if name == "Param" else item.text
                    target = {"Action": "action", "Pair": "pair", "Param": "param", "Session": "session",
                              "Trigger": "trigger"}.get(name)
                    if target is not None:
                        found.extend(self._all(target, (dotnet_uint(value),)))
            return found + self._on("group", "after", node.id)
        if kind == "param":
            found = self._on("param", "changed", node.id)
            return found + self._all("qaction", self._qactions_of().get(node.id, ()))
        if kind == "pair":
            # The pair's triggers go off after each command it sends and each response it reads
            # (as the official check walks it): one step node per content item.
            done = self._on("pair", "done", node.id)
            found = []
            for position, item in enumerate(_element_children(child(element, "Content"))):
                target = {"Command": "command", "Response": "response"}.get(_local(item.tag))
                item_id = dotnet_uint(item.text) if target is not None else None
                if item_id is None or self._element(target, item_id) is None:
                    continue
                step = self.find(target, item_id, f"pair {node.id} #{position}")
                self._steps[step] = done
                found.append(step)
            return found if found else done
        if kind == "command":
            return self._on("command", "before", node.id) + self._on("command", "after", node.id) \
                + self._steps.get(index, [])
        if kind == "response":
            params = (dotnet_uint(item.text) for item in children(child(element, "Content"), "Param"))
            return self._on("response", "before", node.id) + self._all("param", params) \
                + self._on("response", "after", node.id) + self._steps.get(index, [])
        if kind == "timer":
            groups = (dotnet_uint(item.text) for item in children(child(element, "Content"), "Group"))
            return self._on("timer", "before", node.id) + self._all("group", groups)
        if kind == "session":
            found = []
            for connection in children(element, "Connection"):
                response = child(connection, "Response")
                content = child(response, "Content")
                pids = [dotnet_uint(content.get("pid")) if content is not None else None,
                        dotnet_uint(response.get("statusCode")) if response is not None else None]
                found.extend(self._all("param", pids))
            return found + self._on("session", "timeout", node.id)
        return []

    def _action(self, node: FlowNode, action) -> list[int]:
        node.conditional = bool(text_of(action.condition))
        on, kind = action.on, action.type
        if on is None or kind is None:
            return []
        if on == "parameter":
            if kind == "run actions":
                qactions = self._qactions_of()
                return self._all("qaction", (qaction for pid in action.on_ids for qaction in qactions.get(pid, ())))
            if kind not in PARAM_ACTIONS:
                return []
            if kind == "aggregate":
                options = (action.type_element.get("options") or "") if action.type_element is not None else ""
                if "defaultif:" in options.lower():
                    node.conditional = True
                return self._all("param", action.aggregate_targets())
            return self._all("param", action.on_ids)
        if on == "pair" and kind not in ("timeout", "set next"):
            return self._all("pair", action.on_ids)
        if on == "command" and kind not in ("make", "crc"):
            return self._all("command", action.on_ids)
        if on == "group":
            variant = "set" if kind == "set" else ""
            return [index for index in (self.find("group", item_id, variant) for item_id in action.on_ids)
                    if index is not None]
        if on == "timer" and kind != "stop":
            return self._all("timer", action.on_ids)
        return []

    def _qactions_of(self) -> dict[str, list[str]]:
        """Parameter id -> the ids of the QActions it triggers."""
        cached = getattr(self, "_qaction_index", None)
        if cached is None:
            cached = {}
            for qaction in self.model.section("qaction").items:
                qaction_id = valid_id(qaction.get("id"))
                if qaction_id is None:
                    continue
                for pid in qaction_triggers(qaction):
                    cached.setdefault(pid, []).append(qaction_id)
            self._qaction_index = cached
        return cached

    # -- loops ---------------------------------------------------------------------------
    def cycles(self) -> list[Cycle]:
        """Every loop the depth-first walk closes (one per edge back to a node on the path),
        walking from each trigger, then each action, in document order. Iterative: no
        recursion, linear in the number of nodes and edges."""
        white, grey, black = 0, 1, 2
        colour = [white] * len(self.nodes)
        position = [0] * len(self.nodes)  # place on the current path, for grey nodes
        found: list[Cycle] = []
        starts = [index for index, node in enumerate(self.nodes) if node.kind == "trigger"] + \
                 [index for index, node in enumerate(self.nodes) if node.kind == "action"]
        for start in starts:
            if colour[start] != white:
                continue
            path = [start]
            stack = [(start, 0)]
            colour[start] = grey
            position[start] = 0
            while stack:
                index, next_edge = stack[-1]
                edges = self.edges[index]
                if next_edge < len(edges):
                    stack[-1] = (index, next_edge + 1)
                    target = edges[next_edge]
                    if colour[target] == white:
                        colour[target] = grey
                        position[target] = len(path)
                        path.append(target)
                        stack.append((target, 0))
                    elif colour[target] == grey:
                        loop = [self.nodes[item] for item in path[position[target]:] if self.nodes[item].kind != "hub"]
                        found.append(Cycle(loop))
                else:
                    colour[index] = black
                    stack.pop()
                    path.pop()
        return found


def _element_children(element) -> list:
    return [item for item in element if isinstance(item.tag, str)] if element is not None else []


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
