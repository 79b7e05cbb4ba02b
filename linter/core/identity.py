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
_LOCAL_NAMES: dict[str, str] = {}  # qualified tag -> local name
# An element with at most this many siblings counts its same-name predecessors; a bigger
# family lists every child's position once (linear however many findings it has).
FEW_SIBLINGS = 32


def _attribute_value(value: str) -> str:
    value = value.strip()
    if value and _NEEDS_QUOTES.isdisjoint(value):
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


class Identities:
    """`element_identity` for many elements of one tree, each path and position computed once.

    A finding's identity is its parent's (memoized) plus one step, and the position of an
    element among same-name siblings comes from one pass over its parent's children: the
    cost for all findings of a file is linear, even for 200,000 siblings without ids.
    """

    def __init__(self):
        self._paths: dict = {}  # element -> its identity (the keys keep the proxies alive)
        self._positions: dict = {}  # parent -> {child: "[n]" or ""}
        self._sizes: dict = {}  # parent -> len(parent)

    def __call__(self, element) -> str:
        path = self._paths.get(element)
        if path is None:
            parent = element.getparent()
            step = self._step(element, parent)
            path = step if parent is None else self(parent) + "/" + step
            self._paths[element] = path
        return path

    def _step(self, element, parent) -> str:
        if parent is None or not isinstance(element.tag, str):  # the root, a comment or PI: as is
            return _step(element)
        name = local_name(element.tag)
        if element.attrib:  # most elements without attributes skip the four lookups
            namespaced = None  # whether an attribute is namespaced: asked only when needed
            for attribute in IDENTIFYING_ATTRIBUTES:
                value = element.get(attribute)
                if value is None:
                    if namespaced is None:
                        namespaced = any(key[0] == "{" for key in element.keys())
                    if namespaced:
                        value = _local_attribute(element, attribute)
                if value is not None and value.strip():
                    return f"{name}[@{attribute}={_attribute_value(value)}]"
        size = self._sizes.get(parent)
        if size is None:  # lxml counts children one by one: once per parent
            size = self._sizes[parent] = len(parent)
        if size <= FEW_SIBLINGS:  # count the same-name siblings before it, in C
            index = 1
            for _sibling in element.itersiblings("{*}" + name, preceding=True):
                index += 1
            return f"{name}[{index}]" if index > 1 else name
        positions = self._positions.get(parent)
        if positions is None:
            positions = {}
            counts: dict[str, int] = {}
            names = _LOCAL_NAMES
            for sibling in parent.iterchildren(etree.Element):  # elements only, selected in C
                tag = sibling.tag
                sibling_name = names.get(tag)
                if sibling_name is None:
                    if len(names) > 4096:
                        names.clear()
                    sibling_name = names[tag] = local_name(tag)
                index = counts[sibling_name] = counts.get(sibling_name, 0) + 1
                positions[sibling] = f"[{index}]" if index > 1 else ""
            self._positions[parent] = positions
        return name + positions.get(element, "")


_LINE_MENTION = re.compile(r"\b(lines?|columns?)\s+\d+(?:\s*(?:,|and)\s*\d+)*", re.IGNORECASE)


def stable_message(message: str) -> str:
    """The message with any `line N` / `lines N, M` / `column N` mention blanked (libxml2 and the
    duplicate-id rules name lines), for keys that must not move when lines are inserted."""
    return _LINE_MENTION.sub(lambda match: match.group(1) + " N", message)
