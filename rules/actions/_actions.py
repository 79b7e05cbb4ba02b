"""Helpers shared by the ACT rules; not a rule itself.

`action_type_problems(model)` reads every action (with a valid id, a readable On and Type)
the way the official CheckActionTypes check does and yields (code, element, attribute,
message, related) for each problem; the rules ACT008 and ACT010-ACT013 each keep theirs.
"""

from __future__ import annotations

from dmlint.model import child, children, is_true
from dmlint.model.flow import ACTION_TYPES_BY_ON, dotnet_uint, label, valid_id

SNMP = ("snmp", "snmpv2", "snmpv3")


def valid_actions(model):
    """The actions the official action checks look at: those whose id reads as a number."""
    return [action for action in model.actions if action.id is not None]


def typed_actions(model):
    """Valid actions whose On and Type both read (the combination checks need both)."""
    return [action for action in valid_actions(model) if action.on is not None and action.type is not None]


def _group_pairs(model, group) -> list:
    """The existing pairs a group's Content names, in order (1-based positions for set next)."""
    pairs = model.section("pair")
    return [item for item in children(child(group, "Content"), "Pair") if pairs.get(item.text) is not None]


def _content_params(model, group) -> list:
    found = []
    for item in children(child(group, "Content"), "Param"):
        param = model.param(dotnet_uint((item.text or "").split(":")[0]))
        if param is not None:
            found.append(param)
    return found


def action_type_problems(model):
    for action in typed_actions(model):
        yield from _one(model, action)


def _one(model, action):
    on, kind = action.on, action.type
    on_element, type_element = action.on_element, action.type_element
    if kind not in ACTION_TYPES_BY_ON[on]:
        yield ("6.7.1", action.element, None, f"{action.label} is of type '{kind}', which cannot act on a {on} "
                                              f"(a {on} takes {', '.join(ACTION_TYPES_BY_ON[on])})", ())
        return
    on_nr_allowed = False
    if on == "group":
        if kind in ("set", "set with wait"):
            yield from _group_set(model, action)
        if on_element.get("id") is None:
            yield ("6.7.2", on_element, None, f"{action.label} ({kind} on a group) has no On@id: name the group", ())
    elif on == "timer":
        if on_element.get("id") is None:
            yield ("6.7.2", on_element, None, f"{action.label} ({kind} on a timer) has no On@id: name the timer", ())
    elif on == "pair" and kind == "set next":
        on_nr_allowed = True
        yield from _set_next(model, action)
    elif on == "pair" and kind == "timeout":
        if on_element.get("id") is None:
            yield ("6.7.2", on_element, None, f"{action.label} (timeout on a pair) has no On@id: name the pair", ())
        type_id = type_element.get("id")
        if type_id is None:
            yield ("6.7.3", on_element, None, f"{action.label} (timeout on a pair) has no Type@id: name the parameter "
                                              f"holding the timeout", ())
        elif dotnet_uint(type_id) is not None and model.param(dotnet_uint(type_id)) is None:
            yield ("6.7.5", type_element, "id", f"{action.label} takes its timeout from Param {type_id.strip()}, which "
                                                f"does not exist", ())
    elif on == "parameter" and kind == "reverse":
        on_nr_allowed = True
    if not on_nr_allowed and on_element.get("nr") is not None:
        yield ("6.7.100", on_element, "nr", f"{action.label} ({kind} on a {on}) has On@nr, which only set next on a "
                                            f"pair and reverse on a parameter use: remove it", ())


def _group_set(model, action):
    groups = model.section("group")
    raw = action.on_id_raw
    if raw is not None and raw.strip():
        for part in raw.strip().split(";"):
            group = groups.get(part)
            if group is None:
                continue
            params = _content_params(model, group)
            for param in params:
                if param.type_text != "write":
                    yield ("6.7.12", action.on_element, "id",
                           f"{action.label} sets {label('Group', group)} over SNMP, but it holds Param {param.id} "
                           f"of type '{param.type_text or 'none'}': only write parameters can be set",
                           ((param.element, f"Param {param.id}"),))
                if not is_true(model.follow(param.element, "SNMP", "Enabled")):
                    yield ("6.7.13", action.on_element, "id",
                           f"{action.label} sets {label('Group', group)} over SNMP, but Param {param.id} has no "
                           f"SNMP (SNMP/Enabled is not true)", ((param.element, f"Param {param.id}"),))
            if not params:
                yield ("6.7.11", action.on_element, "id", f"{action.label} sets {label('Group', group)} over SNMP, but "
                                                          f"the group holds no parameter", ())
    types = model.connection_types
    type_element = action.type_element
    nr = type_element.get("nr")
    number = 0
    if nr is not None:
        digits = dotnet_uint(nr)
        if digits is None or len(digits) > 6 or int(digits) >= len(types):
            yield ("6.7.9", type_element, "nr", f"{action.label} sets over connection '{nr.strip()}', which does not "
                                                f"exist (the protocol has {len(types)})", ())
            return
        number = int(digits)
    if number >= len(types):
        return
    kind = types[number]
    if kind not in SNMP:
        which = f"connection {number}" if nr is not None else f"connection {number} (the default)"
        yield ("6.7.10", type_element, None, f"{action.label} is an SNMP {action.type}, but {which} is "
                                             f"{kind or 'of no known type'}, not SNMP", ())


def _set_next(model, action):
    on_element, type_element = action.on_element, action.type_element
    nr = on_element.get("nr")
    if nr is None:
        yield ("6.7.4", on_element, None, f"{action.label} (set next on a pair) has no On@nr: give the position of the "
                                          f"pair in its group", ())
    elif nr.strip():
        triggering = list(_triggering_groups(model, action))
        for part in nr.split(";"):
            if not triggering:
                yield ("6.7.8", on_element, "nr", f"{action.label} sets the pair at position '{part}' of the group "
                                                  f"that runs it, but no trigger runs this action", ())
                continue
            position = dotnet_uint(part)
            for trigger, group, pairs in triggering:
                if group is None:
                    yield ("6.7.8", on_element, "nr", f"{action.label} sets the pair at position '{part}' of the "
                                                      f"group that runs it, but {trigger.label} is not on a group",
                           ((trigger.element, trigger.label),))
                elif position is None or int(position) < 1 or int(position) > len(pairs):
                    yield ("6.7.8", on_element, "nr", f"{action.label} sets the pair at position '{part}' of "
                                                      f"{label('Group', group)}, which has {len(pairs)} pair(s)",
                           ((trigger.element, trigger.label), (group, label('Group', group))))
    type_id, type_value = type_element.get("id"), type_element.get("value")
    if type_id is None and type_value is None:
        yield ("6.7.6", type_element, None, f"{action.label} (set next) has neither Type@id nor Type@value: give the "
                                            f"time to wait", ())
    elif type_id is not None and type_value is not None:
        yield ("6.7.7", type_element, None, f"{action.label} (set next) has both Type@id and Type@value: keep one",
               ())
    elif type_id is not None and model.param(dotnet_uint(type_id)) is None:
        yield ("6.7.5", type_element, "id", f"{action.label} takes its wait time from Param {type_id.strip()}, which "
                                            f"does not exist", ())


def _triggering_groups(model, action):
    """(trigger, group or None, the group's pairs) for each trigger that runs the action."""
    groups = model.section("group")
    for trigger in model.triggers_running.get(action.id, ()):
        if trigger.on != "group" or trigger.on_id_raw is None:
            yield trigger, None, None
            continue
        if trigger.on_each:
            chosen = [group for group in groups.items if valid_id(group.get("id")) is not None]
        else:
            group = groups.get(trigger.on_id_raw.strip())
            if group is None:
                continue
            chosen = [group]
        for group in chosen:
            yield trigger, group, _group_pairs(model, group)
