"""Completion and hover from the XSD: what the schema allows at the cursor, and what it says.

The schema is read with xmlschema, which exposes the schema's components (element and
attribute declarations, content models, enumerations, annotations); lxml only validates.
It is the schema the buffer is validated against: the bundled protocol-core.xsd, or the one
the configuration (or the client's `schema` option) names, such as Skyline's protocol.xsd.
It is built once per file version (about a second for protocol.xsd) and kept; a schema
xmlschema cannot read gives no completion rather than an error. Skyline's .NET patterns
(`\\z`, `\\b`) do not matter here: the schema is built in xmlschema's lax mode, which keeps
every component and notes the facets it cannot compile.

Where the cursor is comes from the text before it, not from a parsed tree: while typing the
buffer is rarely well-formed. One scan of the markup before the cursor gives the open
elements (and the children each already has); the unfinished markup at the cursor says what
is being typed: an element name after `<`, an attribute name inside a start tag, a value
inside quotes, the name of the element to close after `</`, or an element's text.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass, field

log = logging.getLogger("dmlint.server")

# Complete markup before the cursor: comments, CDATA, PIs and DOCTYPE are skipped; group 1 is
# an end tag's name, group 2 a start tag's name and group 3 its `/` when it is empty.
_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</\s*([^\s>]+)\s*>"
    r"|<([^\s/>!?]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>",
    re.DOTALL)
_ATTRIBUTE = re.compile(r"([^\s=/<>\"']+)\s*=\s*(?:\"[^\"]*\"|'[^']*')")
_OPEN_VALUE = re.compile(r"([^\s=/<>\"']+)\s*=\s*([\"'])([^\"']*)$")
_PARTIAL_NAME = re.compile(r"[^\s=/<>\"']*$")
_TAG_NAME = re.compile(r"</?([^\s/>!?]*)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass
class Item:
    label: str
    kind: str  # element | attribute | value
    insert: str
    detail: str = ""
    documentation: str = ""


@dataclass
class Completion:
    start: int  # the offset from which the typed text is replaced
    items: list[Item]


@dataclass
class _Open:
    name: str  # local name
    children: list[str] = field(default_factory=list)


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def open_elements(text: str, end: int) -> tuple[list[_Open], int]:
    """The elements open at `end` (outermost first, each with the children closed in it so far)
    and where the last complete markup before `end` ends."""
    stack: list[_Open] = []
    last = 0
    for match in _MARKUP.finditer(text, 0, end):
        last = match.end()
        closing, opening = match.group(1), match.group(2)
        if closing is not None:
            name = _local(closing)
            for depth in range(len(stack) - 1, -1, -1):  # tolerate a missing end tag
                if stack[depth].name == name:
                    del stack[depth:]
                    break
            if stack:
                stack[-1].children.append(name)
        elif opening is not None:
            name = _local(opening)
            if match.group(3):
                if stack:
                    stack[-1].children.append(name)
            else:
                stack.append(_Open(name))
    return stack, last


class SchemaHelp:
    """One schema's declarations, looked up by the path of local names from the root."""

    _cache: dict[tuple, "SchemaHelp | None"] = {}
    _lock = threading.Lock()

    def __init__(self, schema, label: str):
        self.schema = schema
        self.label = label
        self._declarations: dict[tuple[str, ...], object] = {}

    @classmethod
    def for_path(cls, path: str | None) -> "SchemaHelp | None":
        """The help for the schema at `path` (None: the bundled schema), built once per version."""
        path = path or _bundled_path()
        try:
            stat = os.stat(path)
        except OSError:
            return None
        key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
        with cls._lock:
            if key not in cls._cache:
                cls._cache[key] = cls._load(path)
            return cls._cache[key]

    @classmethod
    def _load(cls, path: str) -> "SchemaHelp | None":
        try:
            import xmlschema

            schema = xmlschema.XMLSchema(path, validation="lax")
        except Exception as exc:  # a schema xmlschema cannot read: no completion, said in the log
            log.warning("schema %s cannot be read for completion: %s", path, exc)
            return None
        return cls(schema, os.path.basename(path))

    # -- declarations ---------------------------------------------------------------------
    def declaration(self, path: tuple[str, ...]):
        """The element declaration at a path of local names (None: the schema does not say)."""
        if not path:
            return None
        if path in self._declarations:
            return self._declarations[path]
        if len(path) == 1:
            found = next((decl for decl in self.schema.elements.values() if decl.local_name == path[0]), None)
        else:
            parent = self.declaration(path[:-1])
            found = next((decl for decl in _child_declarations(parent) if decl.local_name == path[-1]), None)
        self._declarations[path] = found
        return found

    def children(self, path: tuple[str, ...]) -> list:
        if not path:
            return list(self.schema.elements.values())
        return _child_declarations(self.declaration(path))

    # -- completion -----------------------------------------------------------------------
    def complete(self, text: str, offset: int) -> Completion | None:
        stack, last = open_elements(text, offset)
        path = tuple(each.name for each in stack)
        for opening in ("<!--", "<![CDATA[", "<?"):  # inside an unfinished comment, CDATA or PI
            if text.rfind(opening, last, offset) >= 0:
                return None
        lt = text.rfind("<", last, offset)
        if lt < 0:  # in an element's text: the values its type enumerates
            typed = text[last:offset].lstrip()
            if "\n" in typed or not path:
                return None
            values = _enumeration(getattr(self.declaration(path), "type", None))
            return Completion(offset - len(typed), [Item(v, "value", v, path[-1]) for v in values]) if values else None
        tag = text[lt:offset]
        if tag.startswith(("<!", "<?")):
            return None
        if tag.startswith("</"):  # the element to close
            if not stack or not _PARTIAL_NAME.fullmatch(tag[2:]):
                return None
            name = stack[-1].name
            return Completion(lt + 2, [Item(name, "element", name + ">", "close the element")])
        name_match = _TAG_NAME.match(tag)
        if name_match.end() == len(tag):  # typing the element's name
            return Completion(lt + 1, self._element_items(stack))
        element_path = (*path, _local(name_match.group(1)))
        declaration = self.declaration(element_path)
        if declaration is None:
            return None
        inside = tag[name_match.end():]
        value = _OPEN_VALUE.search(inside)
        if value is not None:  # in a quoted value
            attribute = _attribute_declaration(declaration, value.group(1))
            values = _enumeration(getattr(attribute, "type", None))
            if not values:
                return None
            typed = value.group(3)
            return Completion(offset - len(typed), [Item(v, "value", v, f"{value.group(1)}") for v in values])
        if not (inside[:1].isspace()):
            return None
        present = {_local(m.group(1)) for m in _ATTRIBUTE.finditer(inside)}
        typed = _PARTIAL_NAME.search(inside).group(0)
        items = []
        for name, attribute in sorted(_attribute_declarations(declaration).items()):
            if name in present:
                continue
            detail = "required" if getattr(attribute, "use", "") == "required" else "attribute"
            items.append(Item(name, "attribute", f'{name}=""', detail, _documentation(attribute)))
        return Completion(offset - len(typed), items)

    def _element_items(self, stack: list[_Open]) -> list[Item]:
        path = tuple(each.name for each in stack)
        present = stack[-1].children if stack else []
        items = []
        for declaration in self.children(path):
            name = declaration.local_name
            most = getattr(declaration, "max_occurs", None)
            if most is not None and present.count(name) >= most:
                continue  # already there as often as the schema allows
            items.append(Item(name, "element", name, "element", _documentation(declaration)))
        return sorted(items, key=lambda item: item.label)

    # -- hover ----------------------------------------------------------------------------
    def documentation_at(self, text: str, offset: int, ancestors=None) -> str | None:
        """What the schema says about the element name or attribute under the cursor.
        `ancestors(offset)`, when given, names the ancestors of the element whose start tag
        begins at an offset from a parsed tree (else the text before the tag is scanned)."""
        lt = text.rfind("<", 0, offset + 1)
        gt = text.rfind(">", 0, offset)
        if lt < 0 or gt > lt:
            return None
        end = text.find(">", offset)
        tag = text[lt:(end + 1 if end >= 0 else len(text))]
        name_match = _TAG_NAME.match(tag)
        if tag.startswith(("<!", "<?")) or name_match is None or not name_match.group(1):
            return None
        closing = tag.startswith("</")
        path = ancestors(lt) if ancestors is not None and not closing else None
        if path is None:
            stack, _ = open_elements(text, lt)
            path = tuple(each.name for each in stack)
        name = _local(name_match.group(1))
        if closing and path and path[-1] == name:
            path = path[:-1]
        declaration = self.declaration((*path, name))
        if declaration is None:
            return None
        relative = offset - lt
        if relative < name_match.end() or closing:
            return self._describe(name, declaration, "element")
        for match in _ATTRIBUTE.finditer(tag):
            if match.start() <= relative <= match.end():
                attribute = _attribute_declaration(declaration, match.group(1))
                if attribute is not None:
                    return self._describe(f"{name}@{_local(match.group(1))}", attribute, "attribute")
        return self._describe(name, declaration, "element")

    def _describe(self, title: str, component, kind: str) -> str:
        lines = [f"**{title}** ({kind}, {self.label})"]
        documentation = _documentation(component)
        if documentation:
            lines.append(documentation)
        values = _enumeration(getattr(component, "type", None))
        if values:
            lines.append("One of: " + ", ".join(f"`{value}`" for value in values))
        return "\n\n".join(lines)


def _child_declarations(declaration) -> list:
    if declaration is None:
        return []
    kind = declaration.type
    content = getattr(kind, "content", None)
    if content is None or not hasattr(content, "iter_elements"):
        return []
    found, seen = [], set()
    for child in content.iter_elements():
        name = getattr(child, "local_name", None)
        if name and name not in seen and hasattr(child, "type"):
            seen.add(name)
            found.append(child)
    return found


def _attribute_declarations(declaration) -> dict:
    attributes = getattr(declaration.type, "attributes", None) or {}
    return {_local(str(name)): attribute for name, attribute in attributes.items()
            if name is not None and hasattr(attribute, "type")}


def _attribute_declaration(declaration, name: str):
    return _attribute_declarations(declaration).get(_local(name))


def _enumeration(kind) -> list[str]:
    """The values a simple type (or an element's simple content, or a union) enumerates."""
    if kind is None:
        return []
    if getattr(kind, "is_complex", lambda: False)():
        kind = getattr(kind, "content", None)
        if kind is None or not hasattr(kind, "enumeration"):
            return []
    values = getattr(kind, "enumeration", None)
    if values:
        return [str(value) for value in dict.fromkeys(values)]
    found: list[str] = []
    for member in getattr(kind, "member_types", None) or ():
        found += [value for value in _enumeration(member) if value not in found]
    return found


def _documentation(component) -> str:
    annotation = getattr(component, "annotation", None)
    if annotation is None:
        return ""
    texts = []
    for element in getattr(annotation, "documentation", ()) or ():
        # protocol.xsd writes its line breaks as `<br />` text: markdown line breaks here
        lines = (" ".join(line.split()) for line in _BREAK.split("".join(element.itertext())))
        text = "  \n".join(line for line in lines if line)
        if text:
            texts.append(text)
    return "\n\n".join(texts)


def _bundled_path() -> str:
    import dmlint.schemas
    from dmlint.schema import BUNDLED_NAME

    return os.path.join(os.path.dirname(dmlint.schemas.__file__), BUNDLED_NAME)
