"""Tables: which parameters are tables, their columns, keys, naming and options.

A table is a `Params/Param` with an `ArrayOptions` child or of `Type` array. Its columns come
from two syntaxes, both kept, in the order DataMiner reads them:

- the older one: `Type@id="1001;1002"` on an array, a column's idx being its position;
- `ArrayOptions/ColumnOption idx="0" pid="1001"` (its `type`, `options`, ...).

    model.tables                   ids of the parameters of type array (a set)
    model.columns                  ids listed as a column by any table (a set)
    model.all_tables               every Table (a parameter with a valid id), document order
    model.table(pid)               the Table of that id, or None
    model.tables_of_column(pid)    the tables listing that column; model.table_of(pid): the first
    model.param_by_key(text)       the parameter an id names as the official tools look it up:
                                   exact canonical id, or one of a Param@duplicateAs ids
    model.relation_pairs           (table, table) neighbours of a Relations/Relation@path, both ways
    model.write_param_of(param)    the write parameter paired with a read one (same Name, same
                                   Description, type write / write bit)

    Table.columns                  Column(idx, pid, param, option, ...), Type@id ones first
    Table.column_at(idx) / column_for(pid)
    Table.index / primary_key      ArrayOptions@index and the column it names
    Table.options                  ArrayOptions@options parsed (ArrayOptionsOptions), or None
    Table.naming / naming_format   the naming= option, ArrayOptions/NamingFormat
    Table.display_key              DisplayKey: which syntax names the rows and its one column
    Table.display_column           ArrayOptions@displayColumn (int) or None
    Table.foreign_keys             (ColumnOption, target table pid) for each foreignKey= option
    Table.is_volatile / is_logger / is_view / partial
    ColumnOption.options           ColumnOption@options parsed (ColumnOptions)

The option grammars are those of DataMiner's protocol model: the first character separates
the options when it is neither a letter nor a digit (else ';'), option names are compared
without case, and the values are read as .NET reads unsigned numbers (`ids.dotnet_uint`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from dmlint.core.ids import dotnet_uint, normalize_id, plain_digits
from dmlint.model.elements import child, children, path, text_of
from dmlint.model.params import PARAM_TYPES  # noqa: F401  (the Param/Type values; prm215 reads them from here)

# -- option parsers ---------------------------------------------------------------


def uint_text(raw: str | None, strict: bool = False) -> str | None:
    """The canonical digits of a value read as .NET reads an unsigned number (`ids.dotnet_uint`;
    `strict`: ASCII digits only, `ids.plain_digits`), None when it is no such number."""
    value = plain_digits(raw) if strict else dotnet_uint(raw)
    return None if value is None else str(value)


def _separator_and_parts(value: str) -> tuple[str, list[str]]:
    """The options' separator and the (untrimmed, non-empty) options of an options attribute."""
    separator = ";" if value[0].isalnum() else value[0]
    return separator, [part for part in value.split(separator) if part]


def _uint_list(value: str) -> list[int]:
    """The numbers of a ','-separated list, the parts that are no number left out."""
    return [number for number in (dotnet_uint(part) for part in value.split(",")) if number is not None]


@dataclass(frozen=True)
class NamingOption:
    """`naming=/1001,1002`: the separator between the parts of the display key and its columns."""

    text: str  # the whole option as written ("naming=/1001,1002")
    value: str  # after the '=' ("/1001,1002")

    @property
    def separator(self) -> str | None:
        return self.value[0] if self.value else None

    @property
    def column_parts(self) -> list[str]:
        """The column ids as written after the separator ('1001', '1002'); [] when there are none."""
        if len(self.text) <= len("naming=/"):
            return []
        return self.text[len("naming=/"):].split(",")

    @property
    def columns(self) -> list[int]:
        """The parts that read as numbers."""
        return _uint_list(self.value[1:]) if self.value else []


@dataclass(frozen=True)
class ViewOption:
    """`view=1000` or `view=1000,remoteId` on ArrayOptions: the table this view table shows."""

    text: str
    value: str

    @property
    def parts(self) -> list[str]:
        return self.value.split(",")

    @property
    def pid(self) -> str | None:
        return uint_text(self.parts[0])

    @property
    def remote(self) -> bool:
        parts = self.parts
        return len(parts) == 2 and parts[1].lower() == "remoteid"

    @property
    def valid(self) -> bool:
        parts = self.parts
        return len(parts) == 1 or (len(parts) == 2 and self.remote)


@dataclass(frozen=True)
class FilterChangePair:
    local: str | None  # canonical pid of the column of this table
    remote: str | None
    valid: bool  # written as local-remote


@dataclass(frozen=True)
class FilterChange:
    """`filterChange=19901-1501,19902-1502`: which local column filters which remote one."""

    text: str
    value: str

    @property
    def pairs(self) -> list[FilterChangePair]:
        found = []
        for part in self.value.split(","):
            ids = part.split("-")
            found.append(FilterChangePair(uint_text(ids[0]), uint_text(ids[1]) if len(ids) == 2 else None,
                                          len(ids) == 2))
        return found


@dataclass(frozen=True)
class ArrayOptionsOptions:
    """ArrayOptions@options, parsed (the official model's grammar)."""

    raw: str
    separator: str = ";"
    parts: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()  # recognised options without a value, lower case
    naming: NamingOption | None = None
    view: ViewOption | None = None
    filter_change: FilterChange | None = None
    direct_view: str | None = None  # the raw value of directView=
    direct_view_pid: str | None = None
    database: str | None = None  # the whole database:... option
    database_rows: str | None = None
    query_table_pid: str | None = None
    processing_order: tuple[int, ...] | None = None
    property_table: tuple[int, ...] | None = None
    discreet_destination: str | None = None

    FLAGS = ("autoadd", "interrupttrend", "onlyfiltereddirectview", "preserve state", "volatile")

    @property
    def volatile(self) -> bool:
        return "volatile" in self.flags

    @property
    def preserve_state(self) -> bool:
        return "preserve state" in self.flags

    @classmethod
    def parse(cls, raw: str | None) -> ArrayOptionsOptions | None:
        """None for an absent attribute; a value of only spaces holds no option."""
        if raw is None:
            return None
        value = raw.strip()
        if not value:
            return cls(raw)
        separator, parts = _separator_and_parts(value)
        found: dict = {"flags": set()}
        for option in parts:
            lowered = option.lower()
            if lowered in cls.FLAGS:
                found["flags"].add(lowered)
                continue
            pieces = option.split("=")
            if len(pieces) >= 2:
                name, value_part = pieces[0].lower(), pieces[1]
                if name == "naming":
                    found["naming"] = NamingOption(option, value_part)
                    continue
                if name == "view":
                    found["view"] = ViewOption(option, value_part)
                    continue
                if name == "filterchange":
                    found["filter_change"] = FilterChange(option, value_part)
                    continue
                if name == "directview":
                    found["direct_view"] = value_part
                    found["direct_view_pid"] = uint_text(value_part)
                    continue
                if name == "querytablepid":
                    found["query_table_pid"] = uint_text(value_part)
                    continue
                if name == "processingorder":
                    found["processing_order"] = tuple(_uint_list(value_part))
                    continue
                if name == "propertytable":
                    found["property_table"] = tuple(_uint_list(value_part))
                    continue
                if name == "discreetdestination":
                    found["discreet_destination"] = value_part
                    continue
            pieces = option.split(":")
            if pieces[0].lower() == "database":
                found["database"] = option
                found["database_rows"] = uint_text(pieces[1]) if len(pieces) == 2 else None
        found["flags"] = frozenset(found["flags"])
        return cls(raw, separator, tuple(parts), **found)


@dataclass(frozen=True)
class ViewTableColumn:
    """`view=1201`, `view=1204:2004` or `view=:2802:1000:1` on a ColumnOption of a view table."""

    text: str
    value: str | None  # after 'view=' (None when the option is not of that shape)
    id: str | None = None  # the column shown (canonical pid)
    id2: str | None = None
    id3: str | None = None
    remote: bool = False  # the :table:column:element form

    _SHAPES = (
        (re.compile(r"^([0-9]+)$"), False),
        (re.compile(r"^([0-9]+):([0-9]+)$"), False),
        (re.compile(r"^:([0-9]+):([0-9]+):([0-9]+)$"), True),
    )

    @classmethod
    def parse(cls, option: str) -> ViewTableColumn:
        pieces = option.split("=")
        if pieces[0].lower() != "view" or len(pieces) != 2 or not pieces[1].strip():
            return cls(option, None)
        value = pieces[1]
        for pattern, remote in cls._SHAPES:
            match = pattern.match(value)
            if match:
                ids = [uint_text(group) for group in match.groups()] + [None, None]
                return cls(option, value, ids[0], ids[1], ids[2], remote)
        return cls(option, value)


@dataclass(frozen=True)
class ColumnOptions:
    """ColumnOption@options, parsed (the official model's grammar)."""

    raw: str
    separator: str = ";"
    parts: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()  # recognised options without a value, lower case
    foreign_key: str | None = None  # the whole foreignKey=... option
    foreign_key_pid: str | None = None  # the table it points at (digits only), None when unreadable
    view_table: ViewTableColumn | None = None
    delta: str | None = None
    group_by: str | None = None

    FLAGS = ("cpedummycolumn", "delete", "displayicon", "displayelementalarm", "displayservicealarm",
             "displayviewalarm", "disabledheaderavg", "dynamicdata", "element", "hidden", "hidekpi",
             "hidesummarycolumn", "indexcolumn", "kpihidewrite", "linkelement", "rowtextcoloring", "save",
             "setontable", "severity", "severitycolumn", "severitycolumnindex", "space", "volatile", "view")
    COLON_OPTIONS = ("selectionsetvar", "selectionsetcardvar", "selectionsetpagevar", "selectionsetworkspacevar",
                     "showreadaskpi", "subtitle")

    @property
    def saved(self) -> bool:
        return "save" in self.flags

    @property
    def dve_element(self) -> bool:
        return "element" in self.flags

    @property
    def volatile(self) -> bool:
        return "volatile" in self.flags

    @property
    def index_column(self) -> bool:
        return "indexcolumn" in self.flags

    @classmethod
    def parse(cls, raw: str | None) -> ColumnOptions | None:
        if raw is None:
            return None
        if not raw.strip():
            return cls(raw)
        separator, parts = _separator_and_parts(raw)
        found: dict = {"flags": set()}
        for option in parts:
            lowered = option.lower()
            if lowered in cls.FLAGS:
                found["flags"].add(lowered)
                continue
            pieces = option.split("=")
            name = pieces[0].lower()
            if len(pieces) >= 2 and name == "foreignkey":
                found["foreign_key"] = option
                found["foreign_key_pid"] = uint_text(pieces[1], strict=True)
                continue
            if len(pieces) >= 2 and name == "delta":
                found["delta"] = pieces[1]
                continue
            if len(pieces) >= 2 and name == "groupby":
                found["group_by"] = pieces[1]
                continue
            if len(pieces) >= 2 and name == "view":
                found["view_table"] = ViewTableColumn.parse(option)
                continue
        found["flags"] = frozenset(found["flags"])
        return cls(raw, separator, tuple(parts), **found)


# -- tables and columns -----------------------------------------------------------


@dataclass
class ColumnOption:
    """One `ArrayOptions/ColumnOption` element."""

    element: object
    position: int  # among the ColumnOptions of its table

    @property
    def idx_raw(self) -> str | None:
        return self.element.get("idx")

    @property
    def pid_raw(self) -> str | None:
        return self.element.get("pid")

    @cached_property
    def idx(self) -> int | None:
        digits = uint_text(self.idx_raw)
        return None if digits is None else int(digits)

    @cached_property
    def pid(self) -> str | None:
        """The pid as DataMiner reads it (canonical digits), None when absent or no number."""
        return uint_text(self.pid_raw)

    @property
    def type(self) -> str:
        """ColumnOption@type, trimmed and lower-cased ('' when absent)."""
        return (self.element.get("type") or "").strip().lower()

    @cached_property
    def options(self) -> ColumnOptions | None:
        return ColumnOptions.parse(self.element.get("options"))


@dataclass
class Column:
    """A column of a table, from either syntax."""

    table: Table
    idx: int | None  # ColumnOption@idx, or the position in Type@id
    pid: str  # as DataMiner compares it: canonical digits of ColumnOption@pid, or the Type@id token
    param: object | None  # the column's Param (model.Param), None when it does not exist
    option: ColumnOption | None = None  # None for a Type@id column
    via_duplicate_as: bool = False  # the pid is one of the param's duplicateAs ids (a view table column)

    @property
    def element(self):
        """Where the table names the column: its ColumnOption, or the table's Type element."""
        return self.option.element if self.option is not None else self.table.type_element


@dataclass(frozen=True)
class DisplayKey:
    """Which syntax names the rows of a table and, when it is one column, that column's Param."""

    syntax: str  # displaykey | NamingFormat | naming | displayColumn | primary key
    param: object | None  # the one column's Param (None: several parts, or not found)
    several: bool = False  # built from several columns (or several displaykey ColumnOptions)
    complete: bool = True  # False when the syntax holds no column at all (its own check reports it)


@dataclass
class Table:
    param: object  # model.Param
    array_options: object | None  # the ArrayOptions element
    type_element: object | None
    model: object = field(repr=False)

    @property
    def pid(self) -> str:
        return self.param.id

    @property
    def element(self):
        return self.param.element

    @property
    def name(self) -> str:
        return self.param.name

    @property
    def label(self) -> str:
        return f"table {self.pid} ({self.name})" if self.name else f"table {self.pid}"

    @property
    def is_array(self) -> bool:
        """Param/Type is array."""
        return self.param.type_text == "array"

    @property
    def has_array_options(self) -> bool:
        return self.array_options is not None

    # -- ArrayOptions attributes ---------------------------------------------------
    def attribute(self, name: str) -> str | None:
        return None if self.array_options is None else self.array_options.get(name)

    @cached_property
    def options(self) -> ArrayOptionsOptions | None:
        return ArrayOptionsOptions.parse(self.attribute("options"))

    @property
    def index_raw(self) -> str | None:
        return self.attribute("index")

    @cached_property
    def index(self) -> int | None:
        digits = uint_text(self.index_raw)
        return None if digits is None else int(digits)

    @cached_property
    def display_column(self) -> int | None:
        digits = uint_text(self.attribute("displayColumn"))
        return None if digits is None else int(digits)

    @property
    def partial(self) -> str | None:
        return self.attribute("partial")

    @property
    def naming(self) -> NamingOption | None:
        options = self.options
        return None if options is None else options.naming

    @property
    def naming_format(self):
        """The ArrayOptions/NamingFormat element, or None."""
        return child(self.array_options, "NamingFormat")

    @property
    def is_volatile(self) -> bool:
        options = self.options
        return options is not None and options.volatile

    @property
    def is_view(self) -> bool:
        options = self.options
        return options is not None and options.view is not None

    @property
    def is_logger(self) -> bool:
        """A logger table: ArrayOptions@options holds `database:`."""
        raw = self.attribute("options")
        return raw is not None and "database:" in raw.strip()

    @property
    def rtdisplay(self) -> bool:
        return self.param.displayed

    @property
    def exported(self) -> bool:
        return will_be_exported(self.param.element)

    # -- columns -------------------------------------------------------------------
    @cached_property
    def column_options(self) -> list[ColumnOption]:
        return [ColumnOption(element, position)
                for position, element in enumerate(children(self.array_options, "ColumnOption"))]

    @cached_property
    def type_id_tokens(self) -> list[str]:
        """The column ids of `Type@id` on an array, as written (';'-separated, empty parts dropped)."""
        if self.type_element is None or not self.is_array:
            return []
        raw = self.type_element.get("id")
        return [token for token in (raw or "").split(";") if token]

    @cached_property
    def columns(self) -> list[Column]:
        """Every column: those of Type@id first (idx = position), then every ColumnOption with a
        readable pid. `param` resolves a view table's column through `duplicateAs`."""
        found = []
        for position, token in enumerate(self.type_id_tokens):
            param, via = self._resolve(token if normalize_id(token) == token else None)
            found.append(Column(self, position, token, param, None, via))
        for option in self.column_options:
            if option.pid is None:
                continue
            param, via = self._resolve(option.pid)
            found.append(Column(self, option.idx, option.pid, param, option, via))
        return found

    @cached_property
    def _linked(self) -> dict:
        """The existing parameters this table names as columns (canonical pid -> Param)."""
        linked = {}
        lookup = self.model.param_by_key
        for token in self.type_id_tokens:
            param = lookup(token)
            if param is not None:
                linked.setdefault(param.id, param)
        for option in self.column_options:
            param = lookup(option.pid) if option.pid is not None else None
            if param is not None:
                linked.setdefault(param.id, param)
        return linked

    @cached_property
    def _duplicates(self) -> dict:
        """duplicateAs id -> the first linked column parameter that declares it."""
        found = {}
        for param in self._linked.values():
            for key in duplicate_as_ids(param.element):
                found.setdefault(key, param)
        return found

    def _resolve(self, pid: str | None) -> tuple[object | None, bool]:
        if pid is None:
            return None, False
        linked = self._linked
        if pid in linked:
            return linked[pid], False
        param = self._duplicates.get(pid)
        return (param, True) if param is not None else (None, False)

    def column_at(self, idx: int | None) -> Column | None:
        """The first column at that idx."""
        if idx is None:
            return None
        return next((column for column in self.columns if column.idx == idx), None)

    def column_for(self, pid: str | None) -> Column | None:
        """The first column of that pid (canonical)."""
        return next((column for column in self.columns if column.pid == pid), None) if pid else None

    @cached_property
    def primary_key(self) -> Column | None:
        """The index column: the ColumnOption whose idx is ArrayOptions@index, or the first Type@id
        column (of an existing parameter; a view table's column is its duplicateAs base)."""
        index = self.index
        for column in self.columns:
            if column.param is None:
                continue
            if column.option is not None:
                if column.option.idx == index:
                    return column
            elif column.idx == 0:
                return column
        return None

    @cached_property
    def display_key(self) -> DisplayKey:
        """How the rows of this table are named, by the first syntax present of: ColumnOption
        type="displaykey", NamingFormat, naming=, displayColumn, else the primary key."""
        options = self.display_key_options
        if options:
            if len(options) > 1:
                return DisplayKey("displaykey", None, several=True, complete=False)
            column = self.column_for(options[0].pid or "")
            return DisplayKey("displaykey", column.param if column else None)
        element = self.naming_format
        if element is not None:
            value = (element.text or "").strip()
            parts = [part for part in value.split(value[0]) if part] if value else []
            if not parts:
                return DisplayKey("NamingFormat", None, complete=False)
            if len(parts) > 1:
                return DisplayKey("NamingFormat", None, several=True)
            column = self.column_for(parts[0])
            return DisplayKey("NamingFormat", column.param if column else None)
        naming = self.naming
        if naming is not None:
            columns = naming.columns
            if not columns:
                return DisplayKey("naming", None, complete=False)
            if len(columns) > 1:
                return DisplayKey("naming", None, several=True)
            column = self.column_for(str(columns[0]))
            return DisplayKey("naming", column.param if column else None)
        if self.display_column is not None:
            column = self.column_at(self.display_column)
            return DisplayKey("displayColumn", column.param if column else None)
        primary = self.primary_key
        return DisplayKey("primary key", primary.param if primary else None)

    @property
    def display_key_options(self) -> list[ColumnOption]:
        """ColumnOptions of type displaykey."""
        return [option for option in self.column_options if option.type == "displaykey"]

    @property
    def foreign_keys(self) -> list[tuple[ColumnOption, str]]:
        """(ColumnOption, canonical pid of the table it points at) for every readable foreignKey= option."""
        found = []
        for option in self.column_options:
            options = option.options
            if options is not None and options.foreign_key_pid is not None:
                found.append((option, options.foreign_key_pid))
        return found


# -- facts about parameters that the table checks need -----------------------------


def will_be_exported(param_element) -> bool:
    """Param@export holds something other than 'false' (the parameter goes to DVE/virtual elements)."""
    raw = param_element.get("export")
    return raw is not None and bool(raw.strip()) and raw != "false"


def duplicate_as_ids(param_element) -> list[str]:
    """The ids of Param@duplicateAs (','-separated, trimmed)."""
    raw = param_element.get("duplicateAs")
    return [part.strip() for part in (raw or "").split(",") if part.strip()]


def interprete_type(param_element):
    """The Param/Interprete/Type element, or None."""
    return path(param_element, "Interprete", "Type")


def measurement_type(param_element):
    """The Param/Measurement/Type element, or None."""
    return path(param_element, "Measurement", "Type")


def description(param_element) -> str | None:
    return text_of(child(param_element, "Description"))


# Param/Type values a column may have, and those a key column (index, display key, foreign key)
# may not have although a column may.
COLUMN_TYPES = ("read", "write", "group", "read bit", "write bit")
NOT_KEY_TYPES = ("write", "group", "read bit", "write bit")
INTERPRETE_TYPES = ("double", "high nibble", "string")
MEASUREMENT_TYPES = ("analog", "button", "chart", "digital threshold", "discreet", "matrix", "number", "pagebutton",
                     "progress", "string", "table", "title", "togglebutton")


def key_column_faults(table: Table, param, *, interprete: bool = True) -> list[tuple[str, object, str]]:
    """Why a parameter cannot be a key column (index, display key or foreign key) of a table:
    (what, element, value) with what 'type' (write, group or bit), 'interprete' (Interprete/Type
    absent or not string) or 'measurement' (Measurement/Type absent or neither string nor number,
    checked when the table is displayed or exported). An unknown value is left to the checks of
    that tag; 'UNDEFINED' stands for an absent one."""
    faults = []
    type_element = param.type_element
    kind = (type_element.text or "").strip() if type_element is not None else None
    if kind in NOT_KEY_TYPES:
        faults.append(("type", type_element, kind))
    if not interprete:
        return faults
    element = interprete_type(param.element)
    value = (element.text or "").strip() if element is not None else None
    if element is None:
        faults.append(("interprete", param.element, "UNDEFINED"))
    elif value in INTERPRETE_TYPES and value != "string":
        faults.append(("interprete", element, value))
    if table.rtdisplay or table.exported:
        element = measurement_type(param.element)
        value = (element.text or "").strip() if element is not None else None
        if element is None:
            faults.append(("measurement", param.element, "UNDEFINED"))
        elif value in MEASUREMENT_TYPES and value not in ("string", "number"):
            faults.append(("measurement", element, value))
    return faults


# -- building the index (ProtocolModel's cached properties call these) -------------


def build_tables(model) -> list[Table]:
    """Every parameter with a valid id that is a table (ArrayOptions, or Type array), document order."""
    by_element = {param.element: param for group in model.params.values() for param in group}
    found = []
    for element in model.all_params:
        param = by_element.get(element)
        if param is None:
            continue
        array_options = model.first(element, "ArrayOptions")
        if array_options is None and param.type_text != "array":
            continue
        found.append(Table(param, array_options, param.type_element, model))
    return found


def tables_by_column(tables: list[Table]) -> dict[str, list[Table]]:
    """Canonical column pid -> the tables listing it by its own id (an existing parameter; a
    duplicateAs id does not make a parameter a column of the view table), document order."""
    found: dict[str, list[Table]] = {}
    for table in tables:
        for column in table.columns:
            param = column.param
            if param is not None and column.pid == param.id:
                listed = found.setdefault(param.id, [])
                if not listed or listed[-1] is not table:
                    listed.append(table)
    return found


def params_by_key(model) -> dict[str, object]:
    """How the official tools look parameters up by id: the canonical id, and every id of a
    Param@duplicateAs (as written, trimmed); the first parameter wins."""
    found: dict[str, object] = {}
    for group in model.params.values():
        found.setdefault(group[0].id, group[0])
    for group in model.params.values():
        for param in group:
            for key in duplicate_as_ids(param.element):
                found.setdefault(key, param)
    return found


def relation_pairs(root) -> set[tuple[str, str]]:
    """Every pair of neighbouring tables of a Relations/Relation@path ('1000;1100;1200' gives
    (1000, 1100) and (1100, 1200)), both directions; parts that are no number are skipped."""
    found: set[tuple[str, str]] = set()
    for relation in children(child(root, "Relations"), "Relation"):
        raw = relation.get("path")
        if raw is None or not raw.strip():
            continue
        parts = raw.strip().split(";")
        for first, second in zip(parts, parts[1:], strict=False):
            if uint_text(first) is None or uint_text(second) is None:
                continue
            found.add((first, second))
            found.add((second, first))
    return found


def params_by_name(model) -> dict[str, list]:
    found: dict[str, list] = {}
    for group in model.params.values():
        for param in group:
            name = param.name
            if name:
                found.setdefault(name, []).append(param)
    return found


def write_param_of(model, param):
    """The write parameter of a read one: another parameter with the same Name and Description,
    of type write or write bit; None when there is none."""
    description_text = description(param.element)
    for other in model.params_by_name.get(param.name, ()):
        if other is param or other.element is param.element:
            continue
        if other.type_text in ("write", "write bit") and description(other.element) == description_text:
            return other
    return None


def tables_by_column_key(tables: list[Table]) -> dict[str, Table]:
    """Column key -> the first table listing it: the pid as the table writes it (a
    ColumnOption@pid read as a number, a Type@id token as written), when it names an existing
    parameter, its own id or one of its duplicateAs ids (a view table's column). This is how the
    official tools find the table of a column named by a view table's id."""
    found: dict[str, Table] = {}
    for table in tables:
        for column in table.columns:
            if column.param is not None:
                found.setdefault(column.pid, table)
    return found


# -- Relations ---------------------------------------------------------------------


@dataclass(frozen=True)
class PathPart:
    """One id of a Relation@path, read as .NET reads an unsigned number."""

    raw: str
    value: str | None  # canonical digits, None when the part is no number (or blank)
    param: object | None  # the parameter it names (model.param_by_key), None when none


@dataclass
class Relation:
    """A `Relations/Relation`: its name and the ';'-separated tables of its path."""

    element: object
    parts: list[PathPart]  # [] when path is absent or blank

    @property
    def name(self) -> str | None:
        return self.element.get("name")

    @property
    def path_raw(self) -> str | None:
        return self.element.get("path")

    def neighbours(self) -> list[tuple[PathPart, PathPart]]:
        """Every two consecutive parts that both name a parameter."""
        return [(first, second) for first, second in zip(self.parts, self.parts[1:], strict=False)
                if first.param is not None and second.param is not None]


def relations(model) -> list[Relation]:
    """Every Relations/Relation, in document order, its path split on ';'."""
    found = []
    for element in children(child(model.root, "Relations"), "Relation"):
        raw = element.get("path")
        parts = []
        if raw is not None and raw.strip():
            for text in raw.split(";"):
                digits = uint_text(text) if text.strip() else None
                parts.append(PathPart(text, digits, model.param_by_key(digits)))
        found.append(Relation(element, parts))
    return found


def has_foreign_key(model, source: str, target: str) -> bool:
    """Whether table `source` has a column with a foreignKey= option to table `target`."""
    table = model.table(source)
    return table is not None and any(pid == target for _, pid in table.foreign_keys)
