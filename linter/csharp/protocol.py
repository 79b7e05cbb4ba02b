"""The protocol facts the QAction C# checks compare code with: parameters, tables, timers.

Read through the model's indexes (`model.param`, `model.section`, `model.all_params`) and
direct child paths of the elements they return; nothing here walks the tree.

- `param(pid)`, its type (`is_read`: read or read bit, `is_write`: write or write bit),
  `is_matrix` (Measurement/Type matrix), `history_set` (`historySet="true"`), `is_table`
  (an `ArrayOptions` child);
- `columns(table)`: (idx, pid, column parameter) for the `Type@id` columns (idx = position)
  then the `ColumnOption`s, a column id that is another parameter's `duplicateAs` id
  giving that parameter;
- `column_option(table, column)`, `table_of(column)`, `primary_key(table)`;
- `timer_ping_columns(table, column)`: the `Timer@options` ping results that DataMiner
  writes into that column, by timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from dmlint.core.ids import normalize_id
from dmlint.model.elements import child, children, path, text_of


def _uint(raw: str | None) -> int | None:
    normalized = normalize_id((raw or "").strip()) if raw is not None else None
    if normalized is None or normalized.startswith("-"):
        return None
    value = int(normalized)
    return value if value <= 2**32 - 1 else None


@dataclass(frozen=True)
class Column:
    idx: int | None
    pid: str  # the id as written in the table (canonical digits)
    param: object | None  # the column's Param element


PING_COLUMNS = (("RTTCOLUMN", "ping/rttColumn"), ("TIMESTAMPCOLUMN", "ping/timestampColumn"),
                ("JITTERCOLUMN", "ping/jitterColumn"), ("LATENCYCOLUMN", "ping/latencyColumn"),
                ("PACKETLOSSRATECOLUMN", "ping/packetLossRateColumn"))


class ProtocolFacts:
    def __init__(self, model):
        self.model = model

    def param(self, pid) -> object | None:
        """The Param element of an id (the first one of a duplicated id), or None."""
        found = self.model.param(str(pid))
        return found.element if found is not None else None

    @staticmethod
    def param_type(param) -> str:
        return (text_of(child(param, "Type")) or "").lower()

    def is_read(self, param) -> bool:
        return self.param_type(param) in ("read", "read bit")

    def is_write(self, param) -> bool:
        return self.param_type(param) in ("write", "write bit")

    @staticmethod
    def is_matrix(param) -> bool:
        return (text_of(path(param, "Measurement", "Type")) or "").lower() == "matrix"

    @staticmethod
    def history_set(param) -> bool:
        return (param.get("historySet") or "").strip().lower() == "true"

    @staticmethod
    def is_table(param) -> bool:
        return child(param, "ArrayOptions") is not None

    @staticmethod
    def column_options(table) -> list:
        return children(child(table, "ArrayOptions"), "ColumnOption")

    @staticmethod
    def index(table) -> int | None:
        """ArrayOptions@index, None when absent or not a number."""
        return _uint((child(table, "ArrayOptions").get("index") if child(table, "ArrayOptions") is not None
                      else None))

    @cached_property
    def _duplicate_of(self) -> dict[str, object]:
        """Param element by each of its duplicateAs ids."""
        found: dict[str, object] = {}
        for element in self.model.all_params:
            for part in (element.get("duplicateAs") or "").split(","):
                normalized = normalize_id(part.strip())
                if normalized is not None:
                    found.setdefault(normalized, element)
        return found

    def _column_param(self, pid: str):
        found = self.param(pid)
        return found if found is not None else self._duplicate_of.get(pid)

    def columns(self, table) -> list[Column]:
        found: list[Column] = []
        type_element = child(table, "Type")
        if type_element is not None and (text_of(type_element) or "").lower() == "array":
            raw = type_element.get("id")
            if raw:
                for position, part in enumerate(piece for piece in raw.split(";") if piece):
                    normalized = normalize_id(part)
                    found.append(Column(position, normalized or part,
                                        self._column_param(normalized) if normalized else None))
        for option in self.column_options(table):
            pid = _uint(option.get("pid"))
            if pid is None:
                continue
            found.append(Column(_uint(option.get("idx")), str(pid), self._column_param(str(pid))))
        return found

    def column_option(self, table, column):
        """The first ColumnOption of the table naming the column's id."""
        column_id = normalize_id(column.get("id"))
        for option in self.column_options(table):
            if _uint(option.get("pid")) is not None and str(_uint(option.get("pid"))) == column_id:
                return option
        return None

    @cached_property
    def _tables_by_column(self) -> dict[str, list]:
        found: dict[str, list] = {}
        for element in self.model.all_params:
            if child(element, "ArrayOptions") is None and self.param_type(element) != "array":
                continue
            for column in self.columns(element):
                found.setdefault(column.pid, [])
                if element not in found[column.pid]:
                    found[column.pid].append(element)
        return found

    def table_of(self, column):
        """The first table listing the column (by ColumnOption or Type@id)."""
        column_id = normalize_id(column.get("id"))
        tables = self._tables_by_column.get(column_id or "", [])
        return tables[0] if tables else None

    def primary_key(self, table):
        index = self.index(table)
        for option in self.column_options(table):
            if _uint(option.get("idx")) == index:
                pid = _uint(option.get("pid"))
                return self.param(pid) if pid is not None else None
        type_element = child(table, "Type")
        raw = type_element.get("id") if type_element is not None else None
        if raw:
            first = normalize_id(raw.split(";")[0])
            if first is not None:
                return self.param(first)
        return None

    @cached_property
    def _timers(self) -> list[tuple[str, object, dict[str, int]]]:
        """(timer id, ip table pid, {ping option: 1-based column}) of every timer with a valid id."""
        found = []
        for timer in self.model.section("timer").items:
            if _uint(timer.get("id")) is None:
                continue
            ip_table, ping = None, {}
            for option in (timer.get("options") or "").split(";"):
                if not option:
                    continue
                name, _, value = option.partition(":")
                name = name.upper()
                if name == "IP":
                    ip_table = _uint(value.split(",")[0])
                elif name == "PING":
                    for part in value.split(","):
                        key, separator, number = part.partition("=")
                        if separator:
                            ping[key.upper()] = _uint(number)
            found.append((timer.get("id"), ip_table, ping))
        return found

    def timer_ping_columns(self, table, column) -> dict[str, list[str]]:
        """{timer id: [ping option names]} for the ping results DataMiner writes into the column."""
        table_id = _uint(table.get("id"))
        column_id = normalize_id(column.get("id"))
        found: dict[str, list[str]] = {}
        for timer_id, ip_table, ping in self._timers:
            if ip_table is None or ip_table != table_id:
                continue
            failing = []
            for key, label in PING_COLUMNS:
                position = ping.get(key)
                if position is None or position == 0:
                    continue
                option = next((o for o in self.column_options(table) if _uint(o.get("idx")) == position - 1), None)
                if option is not None and str(_uint(option.get("pid"))) == column_id:
                    failing.append(label)
            if failing:
                found[timer_id] = failing
        return found
