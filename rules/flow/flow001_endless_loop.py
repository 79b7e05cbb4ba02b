"""## What it does
Follows the execution flow of the whole protocol, who runs whom (`model.flow_graph`):
triggers run actions or triggers; actions queue groups, change parameters, send pairs and
commands, start timers; groups run their content and their before/after triggers; pairs
send commands and read responses; responses and HTTP sessions fill parameters; timers run
groups; a parameter that changes fires the triggers on it. It reports every loop: a chain
that comes back to where it started, e.g.
`Trigger 100 -> Action 100 -> Param 100 -> Trigger 100` (a trigger on parameter 100 runs
an action that increments parameter 100).

The finding is on the element where the loop closes; its related locations are every
element of the loop. When an element of the loop has a condition (or an aggregate has a
`defaultIf`), the loop may stop, and the finding says it is a potential endless loop
(1.24.2) instead of an endless one (1.24.1).

The walk is a depth-first search from each trigger, then each action, in document order,
linear in the size of the flow: it reports each loop it closes, so a loop reached from
several places is reported once.

## Why is this bad
DataMiner runs the loop for as long as the element runs: the element uses a whole CPU
core, its queue never empties, groups are polled late or never, and the parameters
involved change all the time.

## Example
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time><Type>action</Type>
  <Content><Id>1</Id></Content></Trigger>
<Action id="1"><On id="10">parameter</On><Type>increment</Type></Action>
```

## Use instead
```xml
<Trigger id="1"><On id="10">parameter</On><Time>change</Time><Type>action</Type>
  <Content><Id>1</Id></Content></Trigger>
<Action id="1"><On id="11">parameter</On><Type>increment</Type></Action>
```
"""

from dmlint.core.problem import Problem

CODE = "FLOW001"
NAME = "endless-loop"
SEVERITY = "error"
SUMMARY = "Triggers, actions, groups and parameters run each other in a loop"


def check(model):
    for cycle in model.flow_graph.cycles():
        first = cycle.nodes[0]
        if cycle.conditional:
            conditions = ", ".join(node.label for node in cycle.nodes if node.conditional)
            message = (f"Potential endless loop: {cycle.path} (only the condition of {conditions} can stop it)")
            official = "1.24.2"
        else:
            message = f"Endless loop: {cycle.path}"
            official = "1.24.1"
        yield Problem(first.element, message, official=official,
                      related=tuple((node.element, node.label) for node in cycle.nodes))
