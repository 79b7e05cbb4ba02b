"""How parameters are linked to each other, as the official validator's model links them.

- read and write: a write parameter belongs to the read parameter of the same `Name` with
  the same `Description` (both trimmed; both absent counts as the same);
- table and column: a table names its columns in `ArrayOptions/ColumnOption@pid` or in the
  `Type@id` of an `array`; a column's table is the first table naming it;
- a table (for these checks) is a parameter with an `ArrayOptions` child.

Built once per file from `model.params` (`model.links`), by direct child paths only.
"""

from __future__ import annotations

from dmlint.core.ids import dotnet_uint
from dmlint.model.elements import child, text_of

NAME_PAIRS = (("read", "write"), ("read", "write bit"), ("read bit", "write"), ("read bit", "write bit"),
              ("header", "write"), ("trailer", "write"))


def may_share_name(elements) -> bool:
    """One parameter, or two that DataMiner links by name: a read with its write, a header or
    trailer with a write, a matrix (array) with its write."""
    if len(elements) == 1:
        return True
    if len(elements) > 2:
        return False
    kinds = [text_of(child(element, "Type")) for element in elements]
    if tuple(kinds) in NAME_PAIRS or tuple(reversed(kinds)) in NAME_PAIRS:
        return True
    matrices = all(text_of(child(child(element, "Measurement"), "Type")) == "matrix" for element in elements)
    return matrices and sorted(kind or "" for kind in kinds) == ["array", "write"]


class Links:
    def __init__(self, model):
        self.model = model
        self.by_name: dict[str, list] = {}  # trimmed Name -> Param elements with a valid id
        self.tables_of: dict[str, list] = {}  # column pid -> table Param elements, in document order
        self.kind: dict = {}  # element -> trimmed Param/Type text ('' when absent)
        self.pid: dict = {}  # element -> canonical id
        # Answers memoized per element: many rules ask them of every parameter.
        self._writes: dict = {}  # element -> write_of(element)
        self._reads: dict = {}  # element -> read_of(element)
        self._in_element: dict = {}  # element -> in_element(element)
        for pid, group in model.params.items():
            for param in group:
                element = param.element
                self.pid[element] = pid
                self.kind[element] = text_of(param.type_element) or ""
                name = text_of(self.model.first(element, "Name"))
                if name:
                    self.by_name.setdefault(name, []).append(element)
        for group in model.params.values():
            for param in group:
                element = param.element
                for column in self._column_refs(element):
                    tables = self.tables_of.setdefault(column, [])
                    if element not in tables:
                        tables.append(element)

    def _column_refs(self, element):
        """Column pids a table element names (ColumnOption@pid and Type@id of an array)."""
        found = []
        type_element = self.model.first(element, "Type")
        if type_element is not None and (text_of(type_element) or "") == "array":
            for token in (type_element.get("id") or "").split(";"):
                if token and token in self.model.params:
                    found.append(token)
        for option in self.model.all(self.model.first(element, "ArrayOptions"), "ColumnOption"):
            value = dotnet_uint(option.get("pid"))
            if value is not None and str(value) in self.model.params:
                found.append(str(value))
        return found

    # -- lookups -----------------------------------------------------------------
    def param(self, key: str | None):
        """The first Param element whose canonical id is exactly this text, or None."""
        group = self.model.params.get(key) if key is not None else None
        return group[0].element if group else None

    def is_read(self, element) -> bool:
        return self.kind.get(element) in ("read", "read bit")

    def is_write(self, element) -> bool:
        return self.kind.get(element) in ("write", "write bit")

    def is_table(self, element) -> bool:
        return self.model.first(element, "ArrayOptions") is not None

    def table_of(self, element):
        """The table a column belongs to, or None."""
        pid = self.pid.get(element)
        tables = self.tables_of.get(pid) if pid is not None else None
        return tables[0] if tables else None

    def _partner(self, element, wanted):
        name = text_of(self.model.first(element, "Name"))
        if not name:
            return None
        description = text_of(self.model.first(element, "Description"))
        for other in self.by_name.get(name, ()):
            if other is not element and wanted(other) \
                    and text_of(self.model.first(other, "Description")) == description:
                return other
        return None

    def write_of(self, element):
        """The write parameter linked to this one (same name and description), or None."""
        found = self._writes.get(element, self)  # self: not looked up yet (None is an answer)
        if found is self:
            found = self._writes[element] = self._partner(element, self.is_write)
        return found

    def read_of(self, element):
        """The read parameter linked to this one (same name and description), or None."""
        found = self._reads.get(element, self)
        if found is self:
            found = self._reads[element] = self._partner(element, self.is_read)
        return found

    def table_of_read_or_write(self, element):
        """The table of a column, or of the read column a write column belongs to."""
        table = self.table_of(element)
        if table is None and self.is_write(element):
            read = self.read_of(element)
            if read is not None:
                table = self.table_of(read)
        return table

    def primary_key_column(self, table):
        """The column at `ArrayOptions@index` (via ColumnOption@idx), or the first `Type@id`
        column, or None."""
        array_options = self.model.first(table, "ArrayOptions")
        index = dotnet_uint(array_options.get("index")) if array_options is not None else None
        for option in self.model.all(array_options, "ColumnOption"):
            idx = dotnet_uint(option.get("idx"))
            pid = dotnet_uint(option.get("pid"))
            if idx is not None and idx == index and pid is not None:
                column = self.param(str(pid))
                if column is not None:
                    return column
        type_element = self.model.first(table, "Type")
        first = (type_element.get("id") or "").split(";")[0] if type_element is not None else ""
        return self.param(first) if first else None

    def table_columns(self, table) -> dict:
        """The columns a table names, by the pid text it names them with (Type@id tokens as
        written, ColumnOption@pid as a number): {pid: column Param element}."""
        found = {}
        type_element = self.model.first(table, "Type")
        if type_element is not None and (text_of(type_element) or "") == "array":
            for token in (type_element.get("id") or "").split(";"):
                if token and token not in found:
                    column = self.param(token)
                    if column is not None:
                        found[token] = column
        for option in self.model.all(self.model.first(table, "ArrayOptions"), "ColumnOption"):
            value = dotnet_uint(option.get("pid"))
            if value is not None and str(value) not in found:
                column = self.param(str(value))
                if column is not None:
                    found[str(value)] = column
        return found

    # -- positions -------------------------------------------------------------------
    def has_position(self, element) -> bool:
        return bool(self.model.all(self.model.first(self.model.first(element, "Display"), "Positions"), "Position"))

    def dependents(self, element) -> list:
        """The parameters whose Dependencies/Id name this one."""
        found = self.__dict__.get("_dependents")
        if found is None:
            found = {}
            for group in self.model.params.values():
                for param in group:
                    for dependency in self.model.all(self.model.first(param.element, "Dependencies"), "Id"):
                        target = self.param((dependency.text or "").strip())
                        if target is not None:
                            found.setdefault(target, []).append(param.element)
            self.__dict__["_dependents"] = found
        return found.get(element, [])

    def is_positioned(self, element) -> bool:
        """Shown on a page: a column of a positioned table, a parameter a positioned one depends
        on, or a parameter with a position of its own."""
        table = self.table_of(element)
        if table is not None:
            return self.has_position(table)
        dependents = self.dependents(element)
        if dependents:
            return any(self.has_position(dependent) for dependent in dependents)
        return self.has_position(element)

    def needs_display_details(self, element) -> bool:
        """Whether a value's unit and range matter: the parameter is positioned (a column of a
        positioned table other than its key column, or a parameter a positioned one depends on,
        or one with a position), or it is the write parameter of such a read parameter."""
        if self.is_positioned(element):
            table = self.table_of(element)
            return table is None or self.primary_key_column(table) is not element
        read = self.read_of(element) if self.is_write(element) else None
        return read is not None and self.is_positioned(read)

    # -- shown in the element ------------------------------------------------------------
    def in_element(self, element) -> bool:
        """The parameter exists for the client: exported to a DVE, or shown in real time
        (for a column: its table)."""
        from dmlint.model.rtdisplay import rtdisplay_value, will_be_exported

        found = self._in_element.get(element)
        if found is None:
            if will_be_exported(element):
                found = True
            else:
                table = self.table_of(element)
                found = rtdisplay_value(self.model, table if table is not None else element)
            self._in_element[element] = found
        return found
