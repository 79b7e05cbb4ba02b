"""The protocol facts the QAction C# checks compare code with: parameters, tables, timers.

Read through the model's indexes (`model.param`, `model.table`, `model.table_of`,
`model.section`) and direct child paths of the elements they return; nothing here walks the
tree. Parameters and tables are handed around as their `Param` elements.

- `param(pid)`, its type (`is_read`: read or read bit, `is_write`: write or write bit),
  `is_matrix` (Measurement/Type matrix), `history_set` (`historySet="true"`), `is_table`
  (an `ArrayOptions` child, as the official model says);
- `columns(table)`: (idx, pid, column parameter) for the `Type@id` columns (idx = position)
  then the `ColumnOption`s, a view table's column resolved through `duplicateAs`
  (`linter/model/tables.py`);
- `column_options(table)`, `column_option(table, column)`, `index(table)`, `table_of(column)`,
  `primary_key(table)`;
- `timer_ping_columns(table, column)`: the `Timer@options` ping results that DataMiner
  writes into that column, by timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from dmlint.core.ids import normalize_id
from dmlint.model.elements import child, path, text_of


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

    def _table(self, param):
        """The model's Table of a Param element (model.table), or None."""
        table = self.model.table(param.get("id"))
        return table if table is not None and table.element is param else None

    def is_table(self, param) -> bool:
        return child(param, "ArrayOptions") is not None

    def column_options(self, table) -> list:
        found = self._table(table)
        return [option.element for option in found.column_options] if found is not None else []

    def index(self, table) -> int | None:
        """ArrayOptions@index, None when absent or not a number."""
        found = self._table(table)
        return found.index if found is not None else None

    def columns(self, table) -> list[Column]:
        found = self._table(table)
        if found is None:
            return []
        return [Column(column.idx, column.pid, column.param.element if column.param is not None else None)
                for column in found.columns]

    def column_option(self, table, column):
        """The first ColumnOption of the table naming the column's id."""
        found = self._table(table)
        column_id = normalize_id(column.get("id"))
        if found is None or column_id is None:
            return None
        return next((option.element for option in found.column_options if option.pid == column_id), None)

    def table_of(self, column):
        """The first table listing the column (by ColumnOption or Type@id)."""
        found = self.model.table_of(column.get("id"))
        return found.element if found is not None else None

    def primary_key(self, table):
        found = self._table(table)
        key = found.primary_key if found is not None else None
        return key.param.element if key is not None and key.param is not None else None

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
        found_table = self._table(table)
        if found_table is None:
            return {}
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
                option = next((o for o in found_table.column_options if o.idx == position - 1), None)
                if option is not None and option.pid == column_id:
                    failing.append(label)
            if failing:
                found[timer_id] = failing
        return found
