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


# -- what is wrong with a tree control (the TREE rules report these) ------------------

# Tab types whose `parameter` attribute is required; relation and summary name one table or column.
TAB_TYPES_WITH_PARAMETER = ("parameters", "relation", "summary")
TAB_TYPES_WITH_ONE_PARAMETER = ("relation", "summary")
# Column-list tags: tag -> (official check, whether entries are column|sortColumn, same-table error).
COLUMN_LISTS = {
    "HiddenColumns": ("18.10", False, None),
    "OverrideDisplayColumns": ("18.11", True, "18.11.7"),
    "OverrideIconColumns": ("18.12", False, "18.12.7"),
    "ReadonlyColumns": ("18.13", False, None),
}
# The errors of each column-list check, by kind.
_LIST_CODES = {
    "18.10": {"empty": "18.10.1", "untrimmed": "18.10.2", "invalid": "18.10.3", "missing": "18.10.4",
              "duplicate": "18.10.6", "irrelevant": "18.10.9"},
    "18.11": {"empty": "18.11.1", "untrimmed": "18.11.2", "invalid": "18.11.3", "missing": "18.11.4",
              "duplicate": "18.11.6", "irrelevant": "18.11.11"},
    "18.12": {"empty": "18.12.1", "untrimmed": "18.12.2", "invalid": "18.12.3", "missing": "18.12.4",
              "duplicate": "18.12.6", "irrelevant": "18.12.11"},
    "18.13": {"empty": "18.13.1", "untrimmed": "18.13.2", "invalid": "18.13.3", "missing": "18.13.4",
              "duplicate": "18.13.6", "irrelevant": "18.13.9"},
}


@dataclass(frozen=True)
class TreeIssue:
    """One problem of a tree control, as the official check of its part sees it."""

    # malformed | unresolved | wrong_type | untrimmed | duplicate | parent | irrelevant | same_table | rtdisplay
    kind: str
    official: str
    tree: TreeControl
    element: object
    attribute: str | None  # None: the element's text
    text: str  # what is wrong, for the message
    notes: tuple[str, ...] = ()  # the official sub-results
    trimmed: str | None = None  # untrimmed: the value written cleanly


def _name(attribute: str | None, element) -> str:
    from dmlint.model.elements import local_name

    tag = local_name(element.tag)
    return f"{tag}@{attribute}" if attribute else f"<{tag}>"


class _Collector:
    def __init__(self, model, tree: TreeControl):
        self.model, self.tree, self.found = model, tree, []

    def add(self, kind, official, element, attribute, text, notes=(), trimmed=None):
        self.found.append(TreeIssue(kind, official, self.tree, element, attribute, text, tuple(notes), trimmed))

    def param(self, value: str | None):
        return None if value is None else self.model.param_by_key(value)

    # One id attribute: absent / blank / no number, then naming nothing, then untrimmed.
    def id_attribute(self, element, attribute, check, *, required=True, plain=False):
        raw = element.get(attribute)
        label = _name(attribute, element)
        if raw is None:
            if required:
                self.add("malformed", f"{check}.1", element, None, f"{label} is missing")
            return None
        part = read_part(raw)
        codes = ID_CODES[check]
        if part.status == EMPTY:
            self.add("malformed", codes["empty"], element, attribute, f"{label} is empty")
            return None
        if part.value is None or (plain and not part.plain):
            self.add("malformed", codes["invalid"], element, attribute,
                     f"{label} is '{raw.strip()}', which is not a plain parameter id")
            return None
        param = self.param(part.value)
        if param is None:
            self.add("unresolved", codes["missing"], element, attribute,
                     f"{label} names Param {part.value}, which does not exist")
            return None
        if part.status == UNTRIMMED:
            self.add("untrimmed", codes["untrimmed"], element, attribute,
                     f"{label} '{raw}' has surrounding whitespace: write '{raw.strip()}'", trimmed=raw.strip())
        return param


# The official codes of the id attributes: missing is `<check>.1`; these differ per check.
ID_CODES = {
    "18.1": {"empty": "18.1.2", "untrimmed": "18.1.3", "invalid": "18.1.4", "missing": "18.1.5"},
    "18.3": {"empty": "18.3.2", "untrimmed": "18.3.3", "invalid": "18.3.4", "missing": "18.3.5"},
    "18.4": {"empty": "18.4.3", "untrimmed": "18.4.4", "invalid": "18.4.5", "missing": "18.4.6"},
    "18.6": {"empty": "18.6.2", "untrimmed": "18.6.3", "invalid": "18.6.4", "missing": "18.6.5"},
    "18.7": {"empty": "18.7.2", "untrimmed": "18.7.3", "invalid": "18.7.4", "missing": "18.7.5"},
    "18.8": {"empty": "18.8.2", "untrimmed": "18.8.3", "invalid": "18.8.4", "missing": "18.8.5"},
    "18.9": {"empty": "18.9.2", "untrimmed": "18.9.3", "invalid": "18.9.4", "missing": "18.9.5"},
}


def _join_trimmed(raw: str, sorted_columns: bool = False) -> str:
    entries = []
    for entry in raw.split(","):
        if sorted_columns:
            entries.append("|".join(piece.strip() for piece in entry.split("|")))
        else:
            entries.append(entry.strip())
    return ",".join(entries)


def _parameter(collector: _Collector, tree: TreeControl) -> None:
    """TreeControl@parameterId (18.1): a plain id of an existing dummy or read parameter."""
    element, raw = tree.element, tree.parameter_id_raw
    if raw is None:
        collector.add("malformed", "18.1.1", element, None, "the parameterId attribute is missing: name the "
                                                               "parameter that displays the tree control")
        return
    part = read_part(raw)
    if part.status == EMPTY:
        collector.add("malformed", "18.1.2", element, "parameterId", "parameterId is empty")
        return
    if part.value is None or not part.plain:
        collector.add("malformed", "18.1.4", element, "parameterId",
                      f"parameterId is '{raw.strip()}', which is not a plain parameter id")
        return
    param = collector.param(part.value)
    if param is None:
        collector.add("unresolved", "18.1.5", element, "parameterId",
                      f"parameterId names Param {part.value}, which does not exist")
    elif param.type_text not in ("dummy", "read"):
        kind = param.type_text or "no type"
        collector.add("wrong_type", "18.1.6", element, "parameterId",
                      f"parameterId names Param {part.value} of type '{kind}': a tree control is displayed by a "
                      f"parameter of type dummy or read")
    if part.status == UNTRIMMED:
        collector.add("untrimmed", "18.1.3", element, "parameterId",
                      f"parameterId '{raw}' has surrounding whitespace: write '{raw.strip()}'", trimmed=raw.strip())


def _path(collector: _Collector, tree: TreeControl) -> None:
    """Hierarchy@path (18.2): ','-separated plain ids of existing tables, each once."""
    element, raw = tree.hierarchy, tree.path_raw
    if raw is None:
        return
    if not raw.strip():
        collector.add("malformed", "18.2.1", element, "path", "Hierarchy@path is empty")
        return
    invalid, missing, untrimmed, seen = [], [], [], set()
    for part in split_list(raw):
        if part.value is None or not part.plain:
            invalid.append(part.raw)
            continue
        if part.raw in seen:
            collector.add("duplicate", "18.2.6", element, "path",
                          f"Hierarchy@path lists table {part.value} more than once")
            continue
        seen.add(part.raw)
        if collector.param(part.value) is None:
            missing.append(part.value)
        if part.status == UNTRIMMED:
            untrimmed.append(part.raw)
    if invalid:
        collector.add("malformed", "18.2.3", element, "path",
                      f"Hierarchy@path '{raw}' holds {_quoted(invalid)}, which {_are(invalid)} not a plain table id "
                      f"(the ids are separated by ',')", notes=[f"'{text}' is not a table id" for text in invalid])
    if missing:
        collector.add("unresolved", "18.2.4", element, "path",
                      f"Hierarchy@path names {_things('table', missing)} that {_do(missing)} not exist",
                      notes=[f"Param {pid} does not exist" for pid in missing])
    if untrimmed:
        collector.add("untrimmed", "18.2.2", element, "path",
                      f"Hierarchy@path '{raw}' has ids with surrounding whitespace: write '{_join_trimmed(raw)}'",
                      notes=[f"'{text}' has surrounding whitespace" for text in untrimmed], trimmed=_join_trimmed(raw))


def _hierarchy_tables(collector: _Collector, tree: TreeControl, displayed: bool) -> None:
    """Hierarchy/Table: id (18.3), parent (18.4), condition (18.5)."""
    for position, table in enumerate(tree.hierarchy_tables):
        collector.id_attribute(table, "id", "18.3", plain=True)
        if position == 0:
            if table.get("parent") is not None:
                collector.add("parent", "18.4.2", table, "parent",
                              "the first Hierarchy/Table is the top level of the tree: it has no parent")
        elif table.get("parent") is None:
            collector.add("parent", "18.4.1", table, None,
                          "this Hierarchy/Table has no parent attribute: name the table it sits below")
        else:
            collector.id_attribute(table, "parent", "18.4")
        _condition(collector, table, displayed)


def _condition(collector: _Collector, table, displayed: bool) -> None:
    """Hierarchy/Table@condition (18.5): `column:value`, optionally `;filter:fk=column`."""
    raw = table.get("condition")
    if raw is None:
        return
    if not raw.strip():
        collector.add("malformed", "18.5.1", table, "condition", "Hierarchy/Table@condition is empty")
        return
    condition = TableCondition.parse(raw)
    column = read_part(condition.column)
    notes = []
    if column.value is None:
        notes.append(f"the column '{condition.column}' is not a column id")
    if condition.value is None:
        notes.append("the value to filter on is missing (write column:value)")
    if notes:
        collector.add("malformed", "18.5.3", table, "condition",
                      f"Hierarchy/Table@condition '{raw}' is not 'column:value': {'; '.join(notes)}", notes=notes)
    else:
        param = collector.param(column.value)
        if param is None:
            collector.add("unresolved", "18.5.4", table, "condition",
                          f"Hierarchy/Table@condition '{raw}' filters on Param {column.value}, which does not exist")
        else:
            if displayed and not param.displayed:
                collector.add("rtdisplay", "18.5.7", table, "condition",
                              f"Hierarchy/Table@condition filters on column {column.value}, which has no "
                              f"RTDisplay true: the displayed tree control needs it")
            if column.status == UNTRIMMED:
                collector.add("untrimmed", "18.5.2", table, "condition",
                              f"Hierarchy/Table@condition '{raw}': the column '{condition.column}' has surrounding "
                              f"whitespace")
    if condition.filter is None:
        return
    fk = read_part(condition.filter_column)
    if fk.value is None:
        what = "is missing" if fk.status == EMPTY else f"'{condition.filter_column}' is not a column id"
        collector.add("malformed", "18.5.3", table, "condition",
                      f"Hierarchy/Table@condition '{raw}': the filter column {what} (write filter:fk=column)",
                      notes=[f"the filter column {what}"])
    elif collector.param(fk.value) is None:
        collector.add("unresolved", "18.5.4", table, "condition",
                      f"Hierarchy/Table@condition '{raw}': the filter column {fk.value} does not exist")
    elif fk.status == UNTRIMMED:
        collector.add("untrimmed", "18.5.2", table, "condition",
                      f"Hierarchy/Table@condition '{raw}': the filter column '{condition.filter_column}' has "
                      f"surrounding whitespace")


def _linked_details(collector: _Collector, tree: TreeControl, displayed: bool) -> None:
    """ExtraDetails/LinkedDetails: detailsTableId (18.6), discreetColumnId (18.7)."""
    model = collector.model
    for details in tree.linked_details:
        param = collector.id_attribute(details, "detailsTableId", "18.6")
        if param is not None and displayed:
            shown = table_shown_by(model, param)
            table = model.param(shown) if shown is not None else None
            if table is not None and not table.displayed:
                collector.add("rtdisplay", "18.6.6", details, "detailsTableId",
                              f"LinkedDetails@detailsTableId shows table {shown}, which has no RTDisplay true: the "
                              f"displayed tree control needs it")
        column = collector.id_attribute(details, "discreetColumnId", "18.7")
        if column is not None and displayed and not column.displayed:
            collector.add("rtdisplay", "18.7.6", details, "discreetColumnId",
                          f"LinkedDetails@discreetColumnId names column {column.id}, which has no RTDisplay true: the "
                          f"displayed tree control needs it")


def _tabs(collector: _Collector, tree: TreeControl) -> None:
    """ExtraTabs/Tab: parameter (18.8), tableId (18.9)."""
    for tab in tree.tabs:
        _tab_parameter(collector, tab)
        collector.id_attribute(tab, "tableId", "18.9")


def _tab_parameter(collector: _Collector, tab) -> None:
    kind = (tab.get("type") or "").strip().lower()
    raw = tab.get("parameter")
    if raw is None:
        if kind in TAB_TYPES_WITH_PARAMETER:
            collector.add("malformed", "18.8.1", tab, None,
                          f"this {kind} tab has no parameter attribute: name what the tab shows")
        return
    if not raw.strip():
        collector.add("malformed", "18.8.2", tab, "parameter", "Tab@parameter is empty")
        return
    parts = split_list(raw)
    if len(parts) > 1 and kind in TAB_TYPES_WITH_ONE_PARAMETER:
        collector.add("malformed", "18.8.4", tab, "parameter",
                      f"Tab@parameter is '{raw}', but a {kind} tab names one table or column")
        return
    if len(parts) == 1:
        collector.id_attribute(tab, "parameter", "18.8")
        return
    notes = []
    for part in parts:
        if part.value is None:
            notes.append(f"'{part.raw}' is not a parameter id")
        elif collector.param(part.value) is None:
            notes.append(f"Param {part.value} does not exist")
    if notes:
        collector.add("malformed", "18.8.4", tab, "parameter", f"Tab@parameter '{raw}': {'; '.join(notes)}",
                      notes=notes)
    elif any(part.status == UNTRIMMED for part in parts):
        collector.add("untrimmed", "18.8.3", tab, "parameter",
                      f"Tab@parameter '{raw}' has ids with surrounding whitespace: write '{_join_trimmed(raw)}'",
                      trimmed=_join_trimmed(raw))


def _column_lists(collector: _Collector, tree: TreeControl) -> None:
    for tag, (check, sorted_columns, same_table) in COLUMN_LISTS.items():
        element = tree.tag(tag)
        if element is None:
            continue
        codes = _LIST_CODES[check]
        listed = column_list(collector.model, tree, element, sorted_columns=sorted_columns)
        label = f"<{tag}>"
        if listed.empty:
            collector.add("malformed", codes["empty"], element, None, f"{label} is empty")
            continue
        for entry in listed.entries:
            if entry.verdict == "duplicate":
                collector.add("duplicate", codes["duplicate"], element, None,
                              f"{label} lists column {entry.part.raw.strip()} more than once")
            elif entry.verdict == "irrelevant":
                collector.add("irrelevant", codes["irrelevant"], element, None,
                              f"{label} lists column {entry.part.value}, which belongs to no table the tree control "
                              f"shows")
        if same_table is not None:
            for table, parts in listed.by_table().items():
                if len(parts) > 1:
                    columns = ", ".join(part.raw.strip() for part in parts)
                    collector.add("same_table", same_table, element, None,
                                  f"{label} lists several columns of table {table} ({columns}): one per table",
                                  notes=[f"column {part.raw.strip()} of table {table}" for part in parts])
        invalid = listed.parts("invalid")
        if invalid:
            collector.add("malformed", codes["invalid"], element, None,
                          f"{label} '{listed.raw}' holds {_quoted([part.raw for part in invalid])}, which "
                          f"{_are(invalid)} not a column id (the ids are separated by ',')",
                          notes=[f"'{part.raw}' is not a column id" for part in invalid])
        missing = listed.parts("missing")
        if missing:
            pids = [part.value for part in missing]
            collector.add("unresolved", codes["missing"], element, None,
                          f"{label} names {_things('column', pids)} that {_do(pids)} not exist",
                          notes=[f"Param {pid} does not exist" for pid in pids])
        untrimmed = listed.untrimmed()
        if untrimmed:
            trimmed = _join_trimmed(listed.raw, sorted_columns)
            collector.add("untrimmed", codes["untrimmed"], element, None,
                          f"{label} '{listed.raw}' has ids with surrounding whitespace: write '{trimmed}'",
                          notes=[f"'{part.raw}' has surrounding whitespace" for part in untrimmed], trimmed=trimmed)


def _quoted(texts) -> str:
    return ", ".join(f"'{text}'" for text in texts)


def _are(items) -> str:
    return "is" if len(items) == 1 else "are"


def _do(items) -> str:
    return "does" if len(items) == 1 else "do"


def _things(what: str, pids) -> str:
    return f"{what} {pids[0]}" if len(pids) == 1 else f"{what}s {', '.join(pids)}"


def tree_control_issues(model) -> dict[str, list[TreeIssue]]:
    """Every problem of every tree control, by kind, in document order. The parts of a tree
    control are only judged when its parameterId reads as a number (as upstream does)."""
    found: dict[str, list[TreeIssue]] = {}
    for tree in model.tree_controls:
        collector = _Collector(model, tree)
        _parameter(collector, tree)
        if tree.param_key is not None:
            main = model.param_by_key(tree.param_key)
            displayed = main is not None and main.displayed
            _path(collector, tree)
            _hierarchy_tables(collector, tree, displayed)
            _linked_details(collector, tree, displayed)
            _tabs(collector, tree)
            _column_lists(collector, tree)
        for issue in collector.found:
            found.setdefault(issue.kind, []).append(issue)
    return found
