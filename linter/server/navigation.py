"""Go to definition, find references and document symbols, from the model of one version.

Everything comes from the model the rules read: the reference sites (`all_references`, one
row of `REFERENCE_SITES` each) say what a token names, the model's indexes (`params`,
`section(kind)`) say which element defines an id. `Navigation` adds two small indexes, built
once per version of the buffer and without walking the tree:

- the references by what they name ((family, id) -> references), for find-references and for
  a missing id's other uses;
- the references and the defining elements by the line their start tag ends on (lxml's
  `sourceline`), so the element under the cursor is a lookup of a few lines, whose exact
  spans are then computed (and kept) for those elements only.

A target's family is "param" for the sites that name a parameter, a table or a column (all
three are Params), else the section kind of `sections.SECTIONS` ("session", "group", ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.core.ids import normalize_id
from dmlint.model.elements import child, local_name
from dmlint.model.sections import SECTIONS, id_key
from dmlint.server.text import ElementSpans, TextIndex, token_spans

PARAM = "param"
BEFORE, AFTER = 3, 8  # lines around the cursor whose elements may hold it (start tags span lines)
# Each section kind, as document symbols show it.
SYMBOL_KINDS = {"param": "variable", "session": "interface", "connection": "interface", "group": "module",
                "pair": "event", "command": "method", "response": "method", "trigger": "event",
                "action": "function", "timer": "event", "qaction": "function", "parameter_group": "module",
                "tree_control": "struct"}


@dataclass(frozen=True)
class Target:
    family: str  # "param" or a section kind
    key: str  # the canonical id

    @property
    def label(self) -> str:
        return f"{'Param' if self.family == PARAM else SECTIONS[self.family].label} {self.key}"


def family_of(site) -> str:
    return PARAM if site.names_param else site.target


def target_of(site, raw: str) -> Target | None:
    family = family_of(site)
    if family != PARAM and family not in SECTIONS:
        return None
    key = normalize_id(raw) if family == PARAM else id_key(raw)
    return Target(family, key) if key is not None else None


@dataclass
class Symbol:
    name: str
    detail: str
    kind: str  # a SYMBOL_KINDS value, or "namespace" for a section
    span: tuple[int, int]
    selection: tuple[int, int]
    children: list["Symbol"]


class Navigation:
    """The navigation data of one good (parsed) version of a buffer."""

    def __init__(self, model, encoding: str = "utf-16"):
        self.model = model
        self.document = model.document
        self.spans = ElementSpans(self.document)
        self.positions = TextIndex(self.document.text, encoding, self.document.lines)
        self._by_target: dict[Target, list] | None = None
        self._groups_by_line: dict[int, list[tuple]] = {}  # line -> [(element, site, [references])]
        self._group_of: dict[int, tuple] = {}
        self._token_spans: dict[int, tuple[int, int] | None] = {}
        self._definitions_by_line: dict[int, list[tuple[Target, object]]] | None = None
        self._symbols: list[Symbol] | None = None
        self._by_start: dict[int, object] | None = None

    @property
    def by_target(self) -> dict[Target, list]:
        """References by what they name; with the by-line index, built on first use."""
        if self._by_target is None:
            self._build()
        return self._by_target

    def _build(self) -> None:
        by_target: dict[Target, list] = {}
        groups: dict[tuple[int, str], tuple] = {}
        by_line = self._groups_by_line
        group_of = self._group_of
        for reference in self.model.all_references:
            target = target_of(reference.site, reference.raw)
            if target is not None:
                by_target.setdefault(target, []).append(reference)
            key = (id(reference.element), reference.site.name)
            group = groups.get(key)
            if group is None:
                group = groups[key] = (reference.element, reference.site, [])
                by_line.setdefault(reference.element.sourceline or 1, []).append(group)
            group[2].append(reference)
            group_of[id(reference)] = group
        self._by_target = by_target

    def warm(self) -> None:
        """Build the indexes now (the server does it after publishing the diagnostics)."""
        _ = self.by_target
        self._definitions()

    # -- where a reference's token is -------------------------------------------------
    def span_of(self, reference) -> tuple[int, int] | None:
        found = self._token_spans.get(id(reference), False)
        if found is False:
            _ = self.by_target
            self._span_group(self._group_of[id(reference)])
            found = self._token_spans.get(id(reference))
        return found

    def _span_group(self, group) -> None:
        element, site, references = group
        region = (self.spans.attribute_value(element, site.attribute) if site.attribute
                  else self.spans.content(element))
        if region is None:
            spans = [None] * len(references)
        else:
            spans = token_spans(self.document.text, region, [reference.raw for reference in references])
        for reference, span in zip(references, spans, strict=True):
            self._token_spans[id(reference)] = span

    # -- what is under the cursor -------------------------------------------------------
    def reference_at(self, offset: int):
        """(reference, its span) of the id token at `offset` (its end included), or None."""
        line = self.positions.line_of(offset)
        _ = self.by_target
        for candidate in range(line - BEFORE, line + AFTER + 1):
            for group in self._groups_by_line.get(candidate, ()):
                for reference in group[2]:
                    span = self.span_of(reference)
                    if span is not None and span[0] <= offset <= span[1]:
                        return reference, span
        return None

    def definition_at(self, offset: int) -> tuple[Target, object] | None:
        """(target, element) when `offset` is in the start tag of an element that defines an id
        (a Param, a Session, a Group, ...)."""
        line = self.positions.line_of(offset)
        table = self._definitions()
        for candidate in range(line - BEFORE, line + AFTER + 1):
            for target, element in table.get(candidate, ()):
                begin, end = self.spans.start_tag(element)
                if begin <= offset < end:
                    return target, element
        return None

    def target_at(self, offset: int) -> Target | None:
        found = self.reference_at(offset)
        if found is not None:
            return target_of(found[0].site, found[0].raw)
        definition = self.definition_at(offset)
        return definition[0] if definition is not None else None

    # -- definitions and references ---------------------------------------------------
    def definitions(self, target: Target) -> list:
        if target.family == PARAM:
            return [param.element for param in self.model.params.get(target.key, ())]
        return list(self.model.section(target.family).by_id.get(target.key, ()))

    def definition_span(self, target: Target, element) -> tuple[int, int]:
        """What a definition points at: its id's value, else its name."""
        attribute = "id" if target.family == PARAM else SECTIONS[target.family].id_attribute
        return self.spans.attribute_value(element, attribute) or self.spans.name(element)

    def references(self, target: Target) -> list[tuple[object, tuple[int, int]]]:
        """Every site naming the target, with its span, in document order."""
        found = []
        for reference in self.by_target.get(target, ()):
            span = self.span_of(reference)
            if span is not None:
                found.append((reference, span))
        found.sort(key=lambda item: item[1])
        return found

    def _definitions(self) -> dict[int, list[tuple[Target, object]]]:
        if self._definitions_by_line is None:
            table: dict[int, list] = {}
            for target, element in self._defining_elements():
                table.setdefault(element.sourceline or 1, []).append((target, element))
            self._definitions_by_line = table
        return self._definitions_by_line

    def _defining_elements(self):
        for key, params in self.model.params.items():
            for param in params:
                yield Target(PARAM, key), param.element
        for kind in SECTIONS:
            if kind == PARAM:
                continue
            for key, elements in self.model.section(kind).by_id.items():
                for element in elements:
                    yield Target(kind, key), element

    # -- document symbols ---------------------------------------------------------------
    def symbols(self) -> list[Symbol]:
        """One symbol per section present (Params, HTTP, Groups, ...) holding one per element,
        named by id and name, in document order (computed once per version)."""
        if self._symbols is None:
            self._symbols = self._build_symbols()
        return self._symbols

    def _build_symbols(self) -> list[Symbol]:
        sections = []
        for kind, section in SECTIONS.items():
            index = self.model.section(kind)
            if index.block is None or not index.items:
                continue
            children = [self._item_symbol(kind, element) for element in index.items]
            span = self.spans.element(index.block)
            sections.append(Symbol(local_name(index.block.tag), f"{len(children)} {section.label}",
                                   "namespace", span, self.spans.name(index.block), children))
        sections.sort(key=lambda symbol: symbol.span[0])
        return sections

    def _item_symbol(self, kind: str, element) -> Symbol:
        section = SECTIONS[kind]
        raw_id = (element.get(section.id_attribute) or "").strip()
        name = element.get("name") or _text(child(element, "Name"))
        label = f"{raw_id} {name}".strip() if raw_id else (name or f"({section.label} without id)")
        detail = section.label
        if kind == PARAM:
            kind_text = _text(child(element, "Type"))
            detail = f"Param, {kind_text}" if kind_text else "Param"
        span = self.spans.element(element)
        selection = self.spans.attribute_value(element, section.id_attribute) or self.spans.name(element)
        if not span[0] <= selection[0] <= selection[1] <= span[1]:
            selection = self.spans.name(element)
        return Symbol(label, detail, SYMBOL_KINDS.get(kind, "object"), span, selection, [])

    # -- for hover ----------------------------------------------------------------------
    def ancestors_of_tag_at(self, offset: int) -> tuple[str, ...] | None:
        """The local names of the ancestors of the element whose start tag begins at `offset`
        (outermost first), from the tree; None when no element starts there."""
        if self._by_start is None:
            self.spans.start(self.document.root)  # builds the start table
            self._by_start = {start: element for element, start in self.spans.table().items()}
        element = self._by_start.get(offset)
        if element is None:
            return None
        return tuple(local_name(ancestor.tag) for ancestor in reversed(list(element.iterancestors())))

    def describe(self, target: Target) -> str:
        """One line about what a target names: its element's name and type, or that it is missing."""
        elements = self.definitions(target)
        if not elements:
            return f"{target.label} does not exist"
        element = elements[0]
        name = element.get("name") or _text(child(element, "Name"))
        parts = [target.label + (f" ({name})" if name else "")]
        if target.family == PARAM:
            kind = _text(child(element, "Type"))
            if kind:
                parts.append(f"type {kind}")
        line = self.positions.line_of(self.spans.start(element))
        parts.append(f"line {line}")
        if len(elements) > 1:
            parts.append(f"defined {len(elements)} times")
        return ", ".join(parts)


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""
