"""Edits the parameter rules' fixes share: writing a whole Interprete, switching Alarm/Monitored on.

Each returns an `Edit`, or None when the protocol is not in a shape the edit is sure of (then
the rule offers no fix).
"""

from __future__ import annotations

from dmlint.core.fixes import (
    Edit,
    element_indent,
    insert_element,
    nested_markup,
    qualified,
    replace_element,
    replace_text,
)
from dmlint.core.parser import local_name

INTERPRETE_PARTS = ("RawType", "LengthType", "Type")
# where a Param's children usually stand (DataMiner Integration Studio's order): a new child goes
# right after the last of the children that come before it
PARAM_ORDER = ("Name", "Description", "Type", "Information", "Interprete", "Alarm")


def _element_kids(element) -> list:
    return [kid for kid in element if isinstance(kid.tag, str)]


def _plain_leaf(element) -> bool:
    return not len(element) and not element.attrib


def _anchor(param, name: str):
    """The child of `param` a new `name` child goes after: the last (in document order) of the
    children that come before `name` in PARAM_ORDER."""
    before = PARAM_ORDER[:PARAM_ORDER.index(name)]
    found = [kid for kid in _element_kids(param) if local_name(kid.tag) in before]
    return found[-1] if found else None


def insert_param_child(document, param, name: str, children) -> Edit | None:
    """A new `<name>` with `children` (markup) in the Param, after the children that come before it."""
    anchor = _anchor(param, name)
    if anchor is None:
        return None
    indent = element_indent(document, anchor)
    if indent is None:
        return None
    return insert_element(document, param, nested_markup(document, qualified(param, name), children, indent),
                          after=anchor)


def write_interprete(document, param, interprete, raw_type: str, length_type: str, value_type: str) -> Edit | None:
    """The Param's Interprete as RawType, LengthType and Type with these values: a new one after the
    Param's Type when it has none, or the existing one rewritten when it holds nothing but those
    three (each once, as plain text, without comments); else None."""
    values = dict(zip(INTERPRETE_PARTS, (raw_type, length_type, value_type), strict=True))
    parts = [f"<{qualified(param, name)}>{value}</{qualified(param, name)}>" for name, value in values.items()]
    if interprete is None:
        return insert_param_child(document, param, "Interprete", parts)
    kids = list(interprete)
    names = [local_name(kid.tag) if isinstance(kid.tag, str) else None for kid in kids]
    if (interprete.attrib or None in names or len(set(names)) != len(names)
            or any(name not in values for name in names) or not all(_plain_leaf(kid) for kid in kids)
            or (interprete.text or "").strip() or any((kid.tail or "").strip() for kid in kids)):
        return None
    indent = element_indent(document, interprete)
    if indent is None:
        return None
    return replace_element(document, interprete, nested_markup(document, qualified(param, "Interprete"), parts, indent))


def monitor_alarm(document, param, alarm, monitored) -> Edit | None:
    """Alarm/Monitored set to true: its text written, a Monitored added to the Alarm, or an Alarm
    with a Monitored added to the Param."""
    name = qualified(param, "Monitored")
    markup = f"<{name}>true</{name}>"
    if monitored is not None:
        if len(monitored):
            return None
        edit = replace_text(document, monitored, "true")
        if edit is None and not monitored.attrib:  # <Monitored/>
            edit = replace_element(document, monitored, markup)
        return edit
    if alarm is None:
        return insert_param_child(document, param, "Alarm", [markup])
    edit = insert_element(document, alarm, markup)
    if edit is None and not alarm.attrib and not len(alarm) and not (alarm.text or "").strip():
        indent = element_indent(document, alarm)  # <Alarm/>
        if indent is not None:
            alarm_markup = nested_markup(document, qualified(param, "Alarm"), [markup], indent)
            edit = replace_element(document, alarm, alarm_markup)
    return edit
