"""A stable, line-free identity for an element: what baselines and fingerprints key on.

    Protocol/HTTP/Session[@id=25]/Connection[@id=1]/Request/Headers/Header[@key=X]

Each step is the element's local name (namespaces ignored), qualified by its first
identifying attribute among `id`, `key`, `name`, `pid`; an element without one is
qualified by its 1-based position among same-name siblings, written only from 2 on
(XPath's `Request` is `Request[1]`), so adding a later sibling does not rename the
first. Inserting lines or unrelated elements elsewhere leaves the identity unchanged.
"""

from __future__ import annotations

import re

from lxml import etree

from dmlint.core.parser import local_name

IDENTIFYING_ATTRIBUTES = ("id", "key", "name", "pid")
_NEEDS_QUOTES = set('[]/"= \t\r\n')


def _attribute_value(value: str) -> str:
    value = value.strip()
    if value and not (_NEEDS_QUOTES & set(value)):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _local_attribute(element, name: str) -> str | None:
    value = element.get(name)
    if value is not None:
        return value
    for key, candidate in element.attrib.items():  # namespaced attribute, rare
        if key.rpartition("}")[2] == name:
            return candidate
    return None


def _step(element) -> str:
    if element.tag is etree.Comment:
        return "comment()" + _position(element, lambda el: el.tag is etree.Comment)
    if not isinstance(element.tag, str):
        return "node()"
    name = local_name(element.tag)
    for attribute in IDENTIFYING_ATTRIBUTES:
        value = _local_attribute(element, attribute)
        if value is not None and value.strip():
            return f"{name}[@{attribute}={_attribute_value(value)}]"
    return name + _position(element, lambda el: isinstance(el.tag, str) and local_name(el.tag) == name)


def _position(element, same) -> str:
    index = 1
    for sibling in element.itersiblings(preceding=True):
        if same(sibling):
            index += 1
    return f"[{index}]" if index > 1 else ""


def element_identity(element) -> str:
    """The element's path from the root, e.g. `Protocol/Params/Param[@id=8]`."""
    steps = [_step(element)]
    for ancestor in element.iterancestors():
        steps.append(_step(ancestor))
    return "/".join(reversed(steps))


_LINE_MENTION = re.compile(r"\b(lines?|columns?)\s+\d+(?:\s*(?:,|and)\s*\d+)*", re.IGNORECASE)


def stable_message(message: str) -> str:
    """The message with any `line N` / `lines N, M` / `column N` mention blanked (libxml2 and the
    duplicate-id rules name lines), for keys that must not move when lines are inserted."""
    return _LINE_MENTION.sub(lambda match: match.group(1) + " N", message)
