"""## What it does
Checks pairs that send a command and wait for more than one response
(`Response` and `ResponseOnBadCommand`). After one of them arrives, the others
keep their last values unless a trigger `after` that `response` (the response's
own trigger, or else the triggers on `each` response) runs a `clear` action on
`response`. The rule reports a pair when some of its responses are not cleared
by what runs after them (an action without `On@id` clears the response that
fired it; one with `On@id` clears the responses it lists) **and** some received
responses leave other responses of the pair uncleared: neither way of clearing
is complete. The responses concerned are listed as related locations.

Only pairs whose id can be read are checked, with the triggers whose id can be read.

## Why is this bad
A response that is not cleared keeps the data of an earlier poll. When the device
answers with the other response, DataMiner still holds the stale one and the
element shows values that are no longer true.

## Example
```xml
<Pair id="1"><Content><Command>1</Command><Response>1</Response><Response>2</Response></Content></Pair>
<!-- no trigger after response 1 or 2 runs a clear action -->
```

## Use instead
```xml
<Trigger id="1"><On id="each">response</On><Time>after</Time><Type>action</Type>
  <Content><Id>1</Id></Content></Trigger>
<Action id="1"><On>response</On><Type>clear</Type></Action>  <!-- clears the response itself -->
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import child, element_children, local_name, text_of
from dmlint.model.item_ids import uint_id
from dmlint.rules._items import item_label

CODE = "PAIR007"
NAME = "pair-response-not-cleared"
SEVERITY = "error"
SUMMARY = "A Pair with several responses does not clear them after each response"

RESPONSES = ("Response", "ResponseOnBadCommand")


def _after_response_triggers(model):
    """(triggers on each response, {response id: its own triggers}) after a response, running actions."""
    each, own = [], {}
    for trigger in model.runs.triggers_on("response", "after"):
        if trigger.type != "action" or trigger.id is None:
            continue
        if trigger.on_each:
            each.append(trigger)
        elif trigger.on_id is not None:
            own.setdefault(trigger.on_id, []).append(trigger)
    return each, own


def _clears(model, triggers, response_id: str, others: list[str]) -> tuple[bool, list[str]]:
    """(whether the response is cleared, the other responses of the pair left uncleared)."""
    itself, uncleared = False, list(others)
    for trigger in triggers:
        for action in model.runs.actions_of(trigger):
            if action.on != "response" or action.type != "clear":
                continue
            if not action.on_ids:
                itself = True
            for cleared in action.on_ids:
                if cleared == response_id:
                    itself = True
                elif cleared in uncleared:
                    uncleared.remove(cleared)
    return itself, uncleared


def check(model):
    each = own = None
    for pair, _ in model.section("pair").valid:
        items = element_children(child(pair, "Content"))
        if not any(local_name(item.tag) == "Command" for item in items):
            continue
        responses = [(item, uint_id(text_of(item))) for item in items if local_name(item.tag) in RESPONSES]
        if len(responses) < 2:
            continue
        if each is None:
            each, own = _after_response_triggers(model)
        not_itself, not_others = [], []
        for item, response_id in responses:
            if response_id is None:
                continue
            others = [other_id for other, other_id in responses if other is not item and other_id is not None]
            itself, uncleared = _clears(model, own.get(response_id, each), response_id, others)
            if not itself:
                not_itself.append((item, f"nothing clears response {response_id} after it arrives"))
            if uncleared:
                not_others.append((item, f"after response {response_id}, response(s) {', '.join(uncleared)} "
                                         f"keep their old values"))
        if not_itself and not_others:
            related = tuple(not_others if len(not_others) <= len(not_itself) else not_itself)
            yield Problem(pair, f"{item_label(model, 'pair', pair)} waits for {len(responses)} responses, but the "
                                f"triggers after them neither clear each response nor clear the other responses: "
                                f"run a clear action on response after each of them", official="9.2.1",
                          related=related)
