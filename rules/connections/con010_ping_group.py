"""## What it does
Checks how DataMiner will ping the main connection (the poll it uses to decide the
element is reachable):

- SNMP main connection: the ping group (the `Group` with id `-1`, else the first
  group) must poll parameters (`Content/Param`).
- Serial or smart-serial main connection: a `Group` with id `-1` must poll a pair
  (`Content/Pair`). The ping pair (the first pair of that group, the pairs with
  `ping="true"`, or else the pair with the lowest id) must have a `Response`, and
  each connection (`Pair@options` `connection:N`, default 0) may have only one ping pair
  (one finding per connection, on its first ping pair, with the others listed).

Only checked when the protocol has polling groups (groups without a type or of
type `poll`).

## Why is this bad
A ping that polls nothing, or a serial ping pair without a response, cannot tell a
living device from a dead one: the element goes into timeout or never does.

## Example
```xml
<Type>serial</Type>
<Pairs>
  <Pair id="1" ping="true"><Content><Command>1</Command></Content></Pair>
</Pairs>
```

## Use instead
```xml
<Pair id="1" ping="true"><Content><Command>1</Command><Response>1</Response></Content></Pair>
```
"""

import re

from dmlint.core.ids import normalize_id, sort_key, to_int
from dmlint.core.problem import Problem
from dmlint.model import child, children, text_of
from dmlint.model.connections import SERIAL_TYPES, SNMP_TYPES

CODE = "CON010"
NAME = "ping-group"
SEVERITY = "error"
SUMMARY = "The ping group or ping pair of the main connection cannot ping"

PAIR_CONNECTION = re.compile(r"connection:([0-9]+)", re.IGNORECASE)


def _has_content(group, name):
    return bool(children(child(group, "Content"), name))


def _ping_pairs(model, generic):
    pairs = [pair for pair in children(child(model.root, "Pairs"), "Pair") if normalize_id(pair.get("id"))]
    by_id = {normalize_id(pair.get("id")): pair for pair in pairs}
    found = []
    if generic is not None:
        first = children(child(generic, "Content"), "Pair")
        if first:
            pair = by_id.get(normalize_id(first[0].text))
            if pair is not None:
                found.append(pair)
    found.extend(pair for pair in pairs if (pair.get("ping") or "").strip().lower() == "true")
    with_response = [pair for pair in pairs if _has_content(pair, "Response")]
    if with_response and not found:
        found.append(min(pairs, key=lambda pair: sort_key(normalize_id(pair.get("id")))))
    return found


def check(model):
    types = model.connection_types
    if not types or types[0] is None:
        return
    main = types[0]
    groups = children(child(model.root, "Groups"), "Group")
    valid = [group for group in groups if normalize_id(group.get("id"))]
    generic = next((group for group in groups if (group.get("id") or "").strip() == "-1"), None)
    polling = [group for group in valid if (text_of(child(group, "Type")) or "poll").lower() == "poll"]
    if polling:
        if main in SNMP_TYPES:
            ping = generic if generic is not None else (valid[0] if valid else None)
            if ping is not None and not _has_content(ping, "Param"):
                yield Problem(ping, f"the ping group of the {main} main connection polls no parameters: "
                                    f"put Content/Param in it", official="1.26.1")
        elif main in SERIAL_TYPES and generic is not None and not _has_content(generic, "Pair"):
            yield Problem(generic, f"the ping group (id -1) of the {main} main connection polls no pair: "
                                   f"put Content/Pair in it", official="1.26.1")
    if main not in SERIAL_TYPES:
        return
    per_connection: dict[int, list] = {}
    for pair in _ping_pairs(model, generic):
        match = PAIR_CONNECTION.search(pair.get("options") or "")
        number = to_int(match.group(1), len(types)) if match else 0
        if number is None:
            continue  # names no connection: not a ping of any
        bucket = per_connection.setdefault(number, [])
        if all(pair is not other for other in bucket):
            bucket.append(pair)
    for number, pairs in per_connection.items():
        if number >= len(types):
            continue
        for pair in pairs:
            if not _has_content(pair, "Response"):
                yield Problem(pair, f"ping pair {pair.get('id').strip()} of {types[number]} connection {number} "
                                    f"has no Response: a ping must read an answer", official="1.26.2")
        if len(pairs) > 1:
            ids = ", ".join(pair.get("id").strip() for pair in pairs)
            yield Problem(pairs[0], f"connection {number} has several ping pairs ({ids}): keep one",
                          official="1.26.3", related=tuple((pair, f"pair {pair.get('id').strip()} pings connection "
                                                                  f"{number} too") for pair in pairs[1:]))
