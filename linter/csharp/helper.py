"""The `Parameter` class of the QAction helper DataMiner generates from the protocol.

Every QAction is compiled with a generated `QAction_Helper` assembly whose static class
`Skyline.DataMiner.Scripting.Parameter` names the protocol's parameters by id, so code
can write `Parameter.Write.setpoint` instead of `102`. The names follow DataMiner's
generator:

- a parameter's name is its `Name`, the first word lower-cased and the next words
  capitalised, with every character that cannot be in an identifier removed;
  `dataminerid`, `elementid`, `elementname`, `userinfo`, `columns`, `index`, `key` and
  `columncount` get `_<id>` appended;
- a `read` parameter is `Parameter.<name>_<id>` and a `write` one `Parameter.Write.<name>_<id>`;
  the first of the read (write) parameters sharing a name is also plain `Parameter.<name>`
  (`Parameter.Write.<name>`); parameters of other types get no constant;
- a table (`array`) is a class named after it with its first letter upper-cased:
  `Parameter.<Table>.tablePid`, `.indexColumn`, `.indexColumnPid`, and its columns in
  `Parameter.<Table>.Pid.<name>` (read columns), `.Pid.Write.<name>` (write columns) and
  `.Idx.<name>` (the 0-based position of a read column); columns are not in `Parameter` itself;
- `duplicateAs` ids get `view<n>_<name>` constants of their own.

`constants(model)` maps each name path, e.g. `("Mytable", "Pid", "mytable_column2")`, to
its value. Parameters the generator cannot read (no name, no type, no valid or a duplicate
id) are left out, as the generator leaves them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dmlint.core.ids import normalize_id
from dmlint.model.elements import child, children

_PROTECTED = frozenset({"dataminerid", "elementid", "elementname", "userinfo", "columns", "index", "key",
                        "columncount"})


_NOT_IN_IDENTIFIER = re.compile(r"[^\w]+")


def clean_identifier(text: str) -> str:
    return _NOT_IN_IDENTIFIER.sub("", text)


def camel_case(text: str) -> str:
    words = text.split()
    if len(words) == 1:
        return words[0].lower()
    if not words:
        return ""
    return words[0].lower() + "".join(word[:1].upper() + word[1:].lower() for word in words[1:])


def pascal_case(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class _Param:
    id: int
    type: str
    name: str
    original: str
    suffixed: bool


def _as_int(raw: str | None) -> int | None:
    normalized = normalize_id(raw)
    if normalized is None or normalized.startswith("-"):
        return None
    value = int(normalized)
    return value if value <= 2**31 - 1 else None


_ID_SUFFIX = re.compile(r"_\d+$")
_VIEW_PREFIX = re.compile(r"^view\d+_")


def wanted_names(tokens) -> set[str]:
    """The parameter names (as `constants` computes them before any `_<id>`) that the
    identifiers written after `Parameter.` can mean."""
    wanted = set()
    for token in tokens:
        for candidate in (token, _VIEW_PREFIX.sub("", token)):
            stripped = _ID_SUFFIX.sub("", candidate)
            wanted.update((candidate, stripped, _ID_SUFFIX.sub("", stripped)))
            wanted.update(name[:1].lower() + name[1:] for name in (candidate, stripped))
    return wanted


def constants(model, tokens=None) -> dict[tuple[str, ...], int]:
    """The helper's constants; with `tokens` (the identifiers the code writes after
    `Parameter.`), only those of the parameters these can name (the same constants for them)."""
    wanted = wanted_names(tokens) if tokens is not None else None
    params: list[_Param] = []
    ids: set[int] = set()
    names: set[str] = set()
    tables: list[tuple[int, str, dict[int, int], int]] = []  # (id, name, {idx: pid}, index)
    for element in model.all_params:
        name_element = child(element, "Name")
        raw_name = (name_element.text or "").strip() if name_element is not None else ""
        if not raw_name:
            continue
        name = clean_identifier(camel_case(raw_name))
        if wanted is not None and name not in wanted and name.lower() not in _PROTECTED:
            continue  # no constant of it is written in the code (other types only matter by name)
        type_element = model.type_of(element)
        param_type = (type_element.text or "").strip().lower() if type_element is not None else ""
        if not param_type:
            continue
        if param_type not in ("read", "write", "array"):
            name = name + "_" + clean_identifier(param_type)
        param_id = _as_int(element.get("id"))
        if param_id is None or param_id in ids:
            continue
        if name.lower() in _PROTECTED:
            name = f"{name}_{param_id}"
        original = name
        suffixed = False
        if param_type in ("read", "write"):
            name, suffixed = f"{name}_{param_id}", True
        elif name in names:
            for present in params:
                if present.name == name:
                    present.name, present.suffixed = f"{present.original}_{present.id}", True
            name, suffixed = f"{name}_{param_id}", True
        param = _Param(param_id, param_type, name, original, suffixed)
        if param_type == "array":
            tables.append((param_id, name, _columns(element), 0))
        params.append(param)
        ids.add(param_id)
        names.add(original)
        duplicates = [_as_int(part.strip()) for part in (element.get("duplicateAs") or "").split(",")]
        for number, duplicate in enumerate((d for d in duplicates if d is not None), start=1):
            if duplicate in ids:
                continue
            view = _Param(duplicate, param_type, clean_identifier(f"view{number}_{param.name}"),
                          clean_identifier(f"view{number}_{original}"), param.suffixed)
            params.append(view)
            ids.add(duplicate)
            names.add(view.original)
    # The first read (write) parameter of a name is also reachable without its id.
    plain: set[tuple[str, str]] = set()
    for param in list(params):
        if param.type in ("read", "write") and param.suffixed and (param.type, param.original) not in plain:
            plain.add((param.type, param.original))
            params.append(_Param(param.id, param.type, param.original, param.original, False))
    by_id: dict[int, list[_Param]] = {}
    for param in params:
        by_id.setdefault(param.id, []).append(param)
    column_ids = {pid for _, _, columns, _ in tables for pid in columns.values()}

    found: dict[tuple[str, ...], int] = {}
    for param in params:
        if param.id in column_ids:
            continue
        if param.type == "read":
            found.setdefault((param.name,), param.id)
        elif param.type == "write":
            found.setdefault(("Write", param.name), param.id)
    for table_id, table_name, columns, index in tables:
        table_class = pascal_case(table_name)
        found.setdefault((table_class, "tablePid"), table_id)
        found.setdefault((table_class, "indexColumn"), index)
        if index in columns and columns[index] in by_id:
            found.setdefault((table_class, "indexColumnPid"), columns[index])
        position = 0
        for _, pid in columns.items():
            column_params = by_id.get(pid, [])
            if not column_params and str(pid) in model.params:
                position += 1  # a column the code does not name still takes its position
                continue
            for column in column_params:
                if column.type == "read":
                    found.setdefault((table_class, "Pid", column.name), column.id)
                    found.setdefault((table_class, "Idx", column.name), position)
                elif column.type == "write":
                    found.setdefault((table_class, "Pid", "Write", column.name), column.id)
            if column_params:
                position += 1
    return found


def _columns(element) -> dict[int, int]:
    """{idx: pid} of a table: its ColumnOptions, then the Type@id columns in the free positions."""
    columns: dict[int, int] = {}
    for option in children(child(element, "ArrayOptions"), "ColumnOption"):
        idx, pid = _as_int(option.get("idx")), _as_int(option.get("pid"))
        if idx is None or pid is None or idx in columns:
            continue
        columns[idx] = pid
    type_ids = (child(element, "Type").get("id") or "") if child(element, "Type") is not None else ""
    position = 0
    for part in type_ids.split(";"):
        pid = _as_int(part)
        if pid is None or pid in columns.values():
            continue
        while position in columns:
            position += 1
        columns[position] = pid
        position += 1
    return columns
