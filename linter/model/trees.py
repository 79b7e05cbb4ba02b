"""Tree controls: `Protocol/TreeControls/TreeControl` and the tables and columns they show.

A tree control is displayed by a parameter (`TreeControl@parameterId`) and shows tables in a
hierarchy, either written as one list (`Hierarchy@path="1000,2000"`) or as one `Hierarchy/Table`
per level (`id`, `parent`, `condition`). Extra details (`ExtraDetails/LinkedDetails`) and extra
tabs (`ExtraTabs/Tab`) add tables; four tags list columns of the shown tables
(`HiddenColumns`, `ReadonlyColumns`, `OverrideIconColumns`, `OverrideDisplayColumns`, the last
one as `column|sortColumn`).

    model.tree_controls            every TreeControl, document order (TreeControl below)
    TreeControl.param_key          parameterId as the official checks read it (None: no number)
    TreeControl.displayed_tables(model)   pids of every table the tree control shows
    read_part(text)                one value of a ','-separated list, read as .NET reads a number
    column_list(model, tree, element, kind)   a column-list tag, entry by entry (ColumnEntry)
    TableCondition.parse(text)     Hierarchy/Table@condition: `column:value[;filter:fk=column]`

Lists are split on ',' only (a ';' inside is part of one value, which then is no number), and
each value is read as .NET's `Convert.ToUInt32` reads it: spaces around (reported as untrimmed),
a sign; parameters are then looked up as the official tools do (`model.param_by_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from dmlint.core.ids import dotnet_uint
from dmlint.model.elements import child, children

EMPTY, INVALID, UNTRIMMED, OK = "empty", "invalid", "untrimmed", "ok"


@dataclass(frozen=True)
class Part:
    """One value of a list (or one attribute) read as a number."""

    raw: str
    status: str  # empty | invalid | untrimmed | ok
    value: str | None  # canonical digits, None unless the value reads as a number

    @property
    def plain(self) -> bool:
        """Written without a '+' and without a leading zero (the official 'plain number' test)."""
        text = self.raw.strip()
        return not text.startswith("+") and (text == "0" or not text.startswith("0"))


def read_part(raw: str | None) -> Part:
    """A value as .NET reads an unsigned number: blank is empty, no number is invalid, spaces
    around a number make it untrimmed."""
    text = raw or ""
    if not text.strip():
        return Part(text, EMPTY, None)
    number = dotnet_uint(text)
    if number is None:
        return Part(text, INVALID, None)
    return Part(text, UNTRIMMED if text != text.strip() else OK, str(number))


def split_list(raw: str) -> list[Part]:
    """A ','-separated list, every value read by read_part (empty values kept)."""
    return [read_part(part) for part in raw.split(",")]


# -- Hierarchy/Table@condition ------------------------------------------------------


@dataclass(frozen=True)
class TableCondition:
    """`1002:value` (rows whose column 1002 holds value), optionally `;filter:fk=1001`."""

    raw: str
    column: str  # the column pid as written, before the first ':'
    value: str | None  # after the first ':', None when there is no ':'
    filter: str | None = None  # the whole `filter:...` part, None when absent
    filter_column: str | None = None  # after `filter:fk=` (or `filter:`), as written

    @classmethod
    def parse(cls, raw: str) -> TableCondition:
        main, *rest = raw.split(";")
        column, colon, value = main.partition(":")
        filter_text = filter_column = None
        for part in rest:
            if part.strip().lower().startswith("filter:"):
                filter_text = part
                body = part.strip()[len("filter:"):]
                filter_column = body[len("fk="):] if body.lower().startswith("fk=") else body
                break
        return cls(raw, column, value if colon else None, filter_text, filter_column)


# -- tree controls -------------------------------------------------------------------


@dataclass
class TreeControl:
    element: object

    @property
    def parameter_id_raw(self) -> str | None:
        return self.element.get("parameterId")

    @cached_property
    def param_key(self) -> str | None:
        """The parameterId as a number (canonical digits); the official checks of the parts of a
        tree control only look at tree controls whose parameterId reads as one."""
        raw = self.parameter_id_raw
        return None if raw is None or not raw.strip() else read_part(raw).value

    @property
    def label(self) -> str:
        raw = self.parameter_id_raw
        return f"TreeControl {raw.strip()}" if raw and raw.strip() else "TreeControl"

    @cached_property
    def hierarchy(self):
        return child(self.element, "Hierarchy")

    @property
    def path_raw(self) -> str | None:
        return None if self.hierarchy is None else self.hierarchy.get("path")

    @cached_property
    def hierarchy_tables(self) -> list:
        """The `Hierarchy/Table` elements, in order (the first one is the top level)."""
        return children(self.hierarchy, "Table")

    @cached_property
    def linked_details(self) -> list:
        return children(child(self.element, "ExtraDetails"), "LinkedDetails")

    @cached_property
    def tabs(self) -> list:
        return children(child(self.element, "ExtraTabs"), "Tab")

    def tag(self, name: str):
        """A direct child (HiddenColumns, ReadonlyColumns, OverrideIconColumns, ...), or None."""
        return child(self.element, name)

    def displayed_tables(self, model) -> set[str]:
        """The pids of the tables this tree control shows: those of Hierarchy@path and
        Hierarchy/Table@id, the table of each ExtraTabs/Tab@parameter and
        ExtraDetails/LinkedDetails@detailsTableId (the parameter itself when it is a table, else
        the table it is a column of)."""
        found: set[str] = set()
        if self.path_raw is not None:
            found.update(part.value for part in split_list(self.path_raw) if part.value is not None)
        for table in self.hierarchy_tables:
            value = read_part(table.get("id")).value
            if value is not None:
                found.add(value)
        for tab in self.tabs:
            raw = tab.get("parameter")
            if raw is not None and read_part(raw).value is not None:
                shown = table_shown_by(model, model.param_by_key(raw))
                if shown is not None:
                    found.add(shown)
        for details in self.linked_details:
            value = read_part(details.get("detailsTableId")).value
            if value is not None:
                shown = table_shown_by(model, model.param_by_key(value))
                if shown is not None:
                    found.add(shown)
        return found


def table_shown_by(model, param) -> str | None:
    """The pid of the table a parameter stands for in a tree control: itself when it is a table
    (it has ArrayOptions), else the table it is a column of; None when neither."""
    if param is None:
        return None
    table = model.table(param.id)
    if table is not None and table.has_array_options:
        return param.id
    owner = model.table_of(param.id)
    return owner.pid if owner is not None else None


def tree_controls(model) -> list[TreeControl]:
    return [TreeControl(element) for element in model.section("tree_control").items]


# -- the column-list tags ------------------------------------------------------------


@dataclass
class ColumnEntry:
    """One column of a column-list tag, with what is wrong with it (at most one verdict)."""

    part: Part
    verdict: str  # invalid | duplicate | missing | irrelevant | ok
    table: str | None = None  # the pid of the (shown) table the column belongs to
    sort: Part | None = None  # OverrideDisplayColumns: the `|sortColumn` part
    sort_verdict: str | None = None  # invalid | missing | ok


@dataclass
class ColumnList:
    element: object
    raw: str
    entries: list[ColumnEntry] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.raw.strip()

    def parts(self, verdict: str) -> list[Part]:
        """The parts (columns and sort columns) with this verdict, in order."""
        found = []
        for entry in self.entries:
            if entry.verdict == verdict:
                found.append(entry.part)
            if entry.sort is not None and entry.sort_verdict == verdict:
                found.append(entry.sort)
        return found

    def untrimmed(self) -> list[Part]:
        """Parts written with spaces around that are otherwise fine."""
        found = [entry.part for entry in self.entries if entry.verdict == "ok" and entry.part.status == UNTRIMMED]
        found += [entry.sort for entry in self.entries
                  if entry.sort is not None and entry.sort_verdict == "ok" and entry.sort.status == UNTRIMMED]
        return found

    def by_table(self) -> dict[str, list[Part]]:
        """Shown table pid -> the columns of this list that belong to it (in order)."""
        found: dict[str, list[Part]] = {}
        for entry in self.entries:
            if entry.verdict == "ok" and entry.table is not None:
                found.setdefault(entry.table, []).append(entry.part)
        return found


def column_list(model, tree: TreeControl, element, *, sorted_columns: bool = False) -> ColumnList:
    """A column-list tag read as the official checks read it: a value that is no number is
    invalid; the same value written twice is a duplicate (the later one); a value naming no
    parameter is missing; a column of no table the tree control shows is irrelevant.
    `sorted_columns`: entries are `column|sortColumn` (OverrideDisplayColumns)."""
    raw = element.text or ""
    found = ColumnList(element, raw)
    if not raw.strip():
        return found
    shown = tree.displayed_tables(model)
    seen: set[str] = set()
    for text in raw.split(","):
        sort = None
        if sorted_columns and "|" in text:
            text, sort_text = text.split("|", 1)
            sort = read_part(sort_text)
        part = read_part(text)
        entry = ColumnEntry(part, "ok", sort=sort)
        if sort is not None:
            entry.sort_verdict = ("invalid" if sort.value is None
                                  else "missing" if model.param_by_key(sort.value) is None else "ok")
        found.entries.append(entry)
        if part.value is None:
            entry.verdict = "invalid"
            continue
        if part.raw in seen:
            entry.verdict = "duplicate"
            continue
        seen.add(part.raw)
        if model.param_by_key(part.value) is None:
            entry.verdict = "missing"
            continue
        table = model.table_of_column_key(part.value)
        if table is None or table.pid not in shown:
            entry.verdict = "irrelevant"
            continue
        entry.table = table.pid
    return found
