"""QAction C# analysis without .NET: the official validator's C# checks on a syntax tree.

Imported only when a QA rule runs (`ProtocolModel.csharp` imports it on first use), so a
run without C# rules never loads tree-sitter.

    model.csharp                      CSharpModel, built from model.section("qaction")
      .all_qactions                   the QActions the official validator compiles: C#
                                      (encoding="csharp"), a valid id (the first QAction of an
                                      id), code (a CDATA section)
      .qactions                       those the checks look at: not the old auto-generated library
      .compiled                       those without a syntax error (the checks look at these)
      .program                        names, scopes and types over all of them (semantics.py)
      .evaluator                      the constant evaluator (values.py)
      .facts                          the protocol facts the checks compare with (protocol.py)
      .results(check)                 one official check's results, computed once (checks.py)
      .problems_for(rule)             the Problems of a rule: the results with its codes

Modules: `source.py` (code between the tags, positions, preprocessor, tree-sitter),
`semantics.py` (declarations, scopes, types), `values.py` (the evaluator), `helper.py`
(the QAction helper's Parameter class), `dotnet.py` (library types, NotifyType),
`protocol.py` (parameters, tables, timers), `checks.py` (one function per official check).
"""

from __future__ import annotations

import re
from functools import cached_property

from dmlint import catalogue
from dmlint.core.ids import normalize_id
from dmlint.core.problem import Problem
from dmlint.csharp.source import Source, extract, start_tags

AUTO_GENERATED = "** Auto-generated Class Library **"
_DLL_IMPORT = re.compile(r"\[ProtocolName\]\.\[ProtocolVersion\]\.QAction\.(\d+)\.dll")


class QAction:
    """One C# QAction: its element, id, code and (on first use) its parsed source and unit."""

    def __init__(self, document, element, qaction_id: str, start: int | None):
        self.document = document
        self.element = element
        self.id = qaction_id
        self.start = start  # offset of its start tag in the document text

    @cached_property
    def _code(self):
        start = self.start if self.start is not None else self.document.start_tag_offset(self.element)
        if start is None:
            return "", []
        return extract(self.document.text, start)

    @property
    def code(self) -> str:
        return self._code[0]

    @cached_property
    def source(self) -> Source:
        code, segments = self._code
        return Source(code, segments, self.document)

    @cached_property
    def unit(self):
        from dmlint.csharp.semantics import Unit

        return Unit(self.source, self.id)

    def imported_ids(self) -> list[str]:
        found = []
        for part in dict.fromkeys((self.element.get("dllImport") or "").split(";")):
            match = _DLL_IMPORT.search(part)
            if match:
                normalized = normalize_id(match.group(1))
                if normalized is not None and normalized not in found:
                    found.append(normalized)
        return found


class CSharpModel:
    def __init__(self, model):
        self.model = model
        self._results: dict[object, list] = {}

    def _start_offsets(self, items) -> list[int | None]:
        """The start tag offsets of the QActions, found in one pass over the QActions block
        (finding each element's tag on its own rescans the lines before it)."""
        document = self.model.document
        block = self.model.section("qaction").block
        start = document.start_tag_offset(block) if block is not None and items else None
        if start is None and items:
            start = _only_start_tag(document.text, block)
        if start is None:
            return [None] * len(items)
        prefix = items[0].prefix
        tag = f"<{prefix}:QAction" if prefix else "<QAction"
        found = start_tags(document.text, start, tag)
        return found if len(found) == len(items) else [None] * len(items)

    @cached_property
    def all_qactions(self) -> list[QAction]:
        """Every QAction the official validator compiles (the auto-generated library too)."""
        found: dict[str, QAction] = {}
        items = self.model.section("qaction").items
        for element, start in zip(items, self._start_offsets(items), strict=True):
            if (element.get("encoding") or "").strip().lower() != "csharp":
                continue
            raw = element.get("id")
            qaction_id = normalize_id(raw.strip()) if raw is not None else None
            if qaction_id is None or qaction_id.startswith("-") or qaction_id in found:
                continue
            qaction = QAction(self.model.document, element, qaction_id, start)
            if not qaction.code:
                continue
            found[qaction_id] = qaction
        return list(found.values())

    @cached_property
    def qactions(self) -> list[QAction]:
        """The QActions the checks look at: all but the old auto-generated class library."""
        return [qaction for qaction in self.all_qactions if qaction.element.get("name") != AUTO_GENERATED]

    @cached_property
    def compiled(self) -> list[QAction]:
        """The QActions that compile as far as a syntax tree can tell (no ERROR or MISSING node)."""
        self.program  # noqa: B018 - links the QActions' units first
        return [qaction for qaction in self.qactions if not qaction.source.syntax_errors]

    @cached_property
    def program(self):
        from dmlint.csharp import helper
        from dmlint.csharp.semantics import Program

        by_id = {qaction.id: qaction for qaction in self.all_qactions}
        for qaction in self.all_qactions:
            unit = qaction.unit
            for imported in qaction.imported_ids():
                target = by_id.get(imported)
                if target is None or target is qaction or self._depends_on(target, qaction, by_id):
                    continue
                unit.imports.append(target.unit)
        units = [qaction.unit for qaction in self.all_qactions]
        return Program(units, lambda: helper.constants(self.model, _helper_tokens(units)))

    @staticmethod
    def _depends_on(start: QAction, target: QAction, by_id) -> bool:
        """Whether `start` already references `target` through its dllImports (a cycle is refused)."""
        seen, stack = set(), [start]
        while stack:
            current = stack.pop()
            if current is target:
                return True
            if current.id in seen:
                continue
            seen.add(current.id)
            stack.extend(by_id[i] for i in current.imported_ids() if i in by_id)
        return False

    @cached_property
    def evaluator(self):
        from dmlint.csharp.values import Evaluator

        return Evaluator(self.program)

    @cached_property
    def facts(self):
        from dmlint.csharp.protocol import ProtocolFacts

        return ProtocolFacts(self.model)

    def results(self, check: str) -> list:
        from dmlint.csharp.checks import CHECKS

        function = CHECKS.get(check)
        if function is None:
            return []
        if function not in self._results:
            self._results[function] = function(self) if self.qactions else []
        return self._results[function]

    def problems_for(self, rule_code: str):
        """The Problems of one rule: the results carrying the official codes the catalogue gives it."""
        codes = set(catalogue.codes_of(rule_code))
        checks = dict.fromkeys(code.rpartition(".")[0] for code in sorted(codes, key=_code_key))
        seen = set()
        for check in checks:
            for result in self.results(check):
                if result.code not in codes or id(result) in seen:
                    continue
                seen.add(id(result))
                yield self.problem(result)

    def problem(self, result) -> Problem:
        qaction = result.qaction
        return Problem(qaction.element, result.message, official=result.code,
                       position=self._position(qaction, result.node),
                       related=tuple((self._position(qaction, node), note) if node is not None
                                     else (qaction.element, note) for node, note in result.related))

    @staticmethod
    def _position(qaction: QAction, node):
        if node is None:
            return None
        positions = qaction.source.positions
        if isinstance(node, int):
            return positions.of_code(node)
        return positions.of_node(node)


_HELPER_PATH = re.compile(r"\bParameter((?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)+)")


def _helper_tokens(units) -> set[str] | None:
    """The identifiers the code writes after `Parameter.` (None when a using directive names the
    helper class: then any name may refer to it, and every constant is built)."""
    tokens: set[str] = set()
    for unit in units:
        if any("Parameter" in using.target for using in unit.usings):
            return None
        for match in _HELPER_PATH.finditer(unit.source.active_code):
            tokens.update(part.strip() for part in match.group(1).split(".") if part.strip())
    return tokens


def _only_start_tag(text: str, element) -> int | None:
    """The offset of the element's start tag when its name starts one tag only in the whole file.
    (lxml's line numbers are off by one past line 65535, where Document.locate finds nothing.)"""
    name = f"<{element.prefix}:QActions" if element.prefix else "<QActions"
    found = [match.start() for match in re.finditer(re.escape(name) + r"[\s/>]", text)]
    return found[0] if len(found) == 1 else None


def _code_key(code: str):
    return tuple(int(part) for part in code.split("."))
