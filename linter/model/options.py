"""The option strings of a parameter, read the way DataMiner (and the official validator's
model) reads them: `Param/Type@options` and `Measurement/Type@options`.

    >>> type_options("dimensions=16,32;columntypes=100:0-31").dimensions
    (16, 32)
    >>> measurement_options("tab=columns:101|0-102|1,width:100-0").table.widths
    [100, 0]

Numbers inside options are read with `dmlint.core.ids.dotnet_uint`. Nothing here reports
a problem: the rules decide what a missing or malformed part means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dmlint.core.ids import dotnet_int, dotnet_uint

_RANGE = re.compile(r"^(\d+)-(\d+)$")
_PLACEHOLDER = re.compile(r"\[(.*?)\]")


@dataclass
class ColumnType:
    raw: str
    pid: int | None
    start: int | None
    end: int | None
    valid: bool  # written as PID:FROM-TO


@dataclass
class TypeOptions:
    """`Param/Type@options` (split on ';', parts kept as written)."""

    raw: str
    parts: list[str]
    dimensions: tuple[int | None, int | None] | None = None  # (rows, columns)
    dimensions_raw: str | None = None
    column_types: list[ColumnType] | None = None
    column_types_raw: str | None = None
    header_trailer_link: tuple[str, int | None] | None = None  # (option as written, link id)
    connection: int | None = None
    ssh: list[str] = field(default_factory=list)  # 'SSH Username', 'SSH PWD', 'SSH Options', as DataMiner names them


_SSH = {"ssh username": "SSH Username", "ssh pwd": "SSH PWD", "ssh options": "SSH Options"}


def type_options(raw: str) -> TypeOptions:
    parts = raw.split(";")
    found = TypeOptions(raw, parts)
    for part in parts:
        lowered = part.lower()
        if lowered in _SSH:
            if _SSH[lowered] not in found.ssh:
                found.ssh.append(_SSH[lowered])
            continue
        pieces = part.split("=")
        if len(pieces) < 2:
            continue
        name, value = pieces[0].lower(), pieces[1]
        if name == "dimensions":
            numbers = value.split(",")
            found.dimensions = (dotnet_uint(numbers[0]), dotnet_uint(numbers[1]) if len(numbers) > 1 else None)
            found.dimensions_raw = part
        elif name == "columntypes":
            found.column_types_raw = part
            found.column_types = []
            for entry in value.split("|"):
                pid_text, sep, span = entry.partition(":")
                match = _RANGE.match(span.split(":")[0]) if sep else None
                start = end = None
                if match:
                    start, end = dotnet_uint(match.group(1)), dotnet_uint(match.group(2))
                found.column_types.append(ColumnType(entry, dotnet_uint(pid_text), start, end, match is not None))
        elif name == "headertrailerlink":
            found.header_trailer_link = (part, dotnet_uint(value))
        elif name == "connection":
            found.connection = dotnet_uint(value)
    return found


@dataclass
class TableColumn:
    position: int  # place in the displayed table (0-based)
    pid: int | None = None
    idx: int | None = None
    width: int | None = None
    sort_type: str | None = None
    sort_direction: str | None = None  # 'asc' | 'desc'
    sort_priority: int | None = None


@dataclass
class TableOptions:
    """`tab=columns:PID|IDX-...,width:W-...,sort:TYPE|DIR|PRIO-...,lines:N,filter:BOOL`."""

    raw: str
    columns: list[tuple[int, int | None, int | None]] | None = None  # (position, pid, idx)
    widths: list[int | None] | None = None
    sorts: list[tuple[int, str | None, str | None, int | None]] | None = None

    @property
    def full(self) -> list[TableColumn]:
        """Every displayed position with what the columns, width and sort parts say of it."""
        merged: dict[int, TableColumn] = {}
        for position, width in enumerate(self.widths or ()):
            merged.setdefault(position, TableColumn(position)).width = width
        for position, kind, direction, priority in self.sorts or ():
            column = merged.setdefault(position, TableColumn(position))
            column.sort_type, column.sort_direction, column.sort_priority = kind, direction, priority
        for position, pid, idx in self.columns or ():
            column = merged.setdefault(position, TableColumn(position))
            column.pid, column.idx = pid, idx
        return list(merged.values())


@dataclass
class MatrixOptions:
    """`matrix=INPUTS,OUTPUTS,COMIN,COMAX,CIMIN,CIMAX[,pages|evenSmallPages[,noDisconnectsInBackup]]`."""

    raw: str
    valid: bool
    inputs: int | None
    outputs: int | None
    co_min: int | None
    co_max: int | None
    ci_min: int | None
    ci_max: int | None


@dataclass
class MeasurementOptions:
    raw: str
    table: TableOptions | None = None
    matrix: MatrixOptions | None = None
    has_date: bool = False
    datetime: bool = False  # a 'datetime' option that reads correctly


def _table(option: str, value: str) -> TableOptions:
    found = TableOptions(option)
    for part in value.split(","):
        pieces = part.split(":")
        if len(pieces) < 2:
            continue
        name, body = pieces[0].lower(), pieces[1]
        if name == "columns":
            found.columns = []
            for position, entry in enumerate(body.split("-")):
                bits = entry.split("|")
                idx = position if len(bits) == 1 else dotnet_uint(bits[1])
                found.columns.append((position, dotnet_uint(bits[0]), idx))
        elif name == "width":
            found.widths = [dotnet_uint(width) for width in body.split("-")]
        elif name == "sort":
            found.sorts = []
            for position, entry in enumerate(body.split("-")):
                bits = entry.split("|")
                kind = bits[0].lower() if bits[0].lower() in ("string", "int") else None
                direction = priority = None
                if len(bits) > 1:
                    direction = bits[1].lower() if bits[1].lower() in ("asc", "desc") else None
                    if len(bits) > 2:
                        priority = dotnet_uint(bits[2])
                found.sorts.append((position, kind, direction, priority))
    return found


def _matrix(option: str, value: str) -> MatrixOptions:
    parts = value.split(",")
    numbers = [dotnet_uint(parts[i]) if i < len(parts) else None for i in range(6)]
    valid = all(number is not None for number in numbers)
    if len(parts) > 6 and parts[6].lower() not in ("pages", "evensmallpages"):
        valid = False
    if len(parts) > 7 and parts[7].lower() != "nodisconnectsinbackup":
        valid = False
    return MatrixOptions(option, valid, *numbers)


@lru_cache(maxsize=4096)
def measurement_options(raw: str) -> MeasurementOptions:
    """`Measurement/Type@options`, parsed once per distinct text (tables and their columns
    repeat the same options): the result is shared, read it, never change it."""
    found = MeasurementOptions(raw)
    if not raw.strip():
        return found
    for option in (part for part in raw.split(";") if part):
        lowered = option.lower()
        if lowered == "date":
            found.has_date = True
            continue
        if lowered in ("hscroll", "timeofday", "fixedfont", "password", "begin", "end", "connect"):
            continue
        pieces = option.split("=")
        if len(pieces) >= 2:
            name = pieces[0].lower()
            if name == "matrix":
                found.matrix = _matrix(option, pieces[1])
                continue
            if name == "tab":
                if dotnet_uint(pieces[1]) is None:
                    found.table = _table(option, pieces[1])
                continue
        colon = option.split(":")
        if colon[0].lower() == "datetime":
            found.datetime = len(colon) == 1 or (len(colon) == 2 and colon[1].lower() == "minute")
    return found


def alarm_option_ids(text: str) -> list[tuple[str, str]]:
    """(option, id as written) for the parameters `Alarm@options` names: both parts of
    `threshold:A,B` (when both read as numbers) and the numeric parts of `properties:` (split
    on its first character, then on '*')."""
    found = []
    for option in text.split(";"):
        name, sep, value = option.partition(":")
        if not sep:
            continue
        if name == "threshold":
            parts = value.split(",")
            if len(parts) == 2:
                for part in parts:
                    if dotnet_int(part) is None:
                        break
                    found.append(("threshold", part))
        elif name == "properties" and value.strip():
            for prop in value.split(value[0]):
                found.extend(("properties", part) for part in prop.split("*") if dotnet_int(part) is not None)
    return found


def dependency_value_ids(text: str) -> list[str]:
    """The parameter ids a context menu's `Discreet@dependencyValues` names, as written: each
    `PID` (or `PID?`) before an optional `:default`, and each `[value:PID]` in a default."""
    found = []
    for dependency in text.split(";"):
        if not dependency.strip():
            continue
        head, _, default = dependency.partition(":")
        found.append(head.rstrip("?"))
        for placeholder in _PLACEHOLDER.findall(default):
            parts = placeholder.split(":")
            if parts[0].lower() == "value" and len(parts) == 2:
                found.append(parts[1])
    return found
