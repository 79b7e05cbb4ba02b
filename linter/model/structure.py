"""Protocol structure the CON, PRM and REF rules share: connections, tables, responses.

Everything here is computed from direct child paths of the model (no tree scans),
so calling these helpers keeps a rule linear in the file size. Results that several
rules need are cached on the model object.
"""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.model import child, children, text_of
from dmlint.core.parser import local_name
from dmlint.core.ids import normalize_id, sort_key

# Values the official validator accepts in Protocol/Type and in Type@advanced.
CONNECTION_TYPES = (
    "gpib", "http", "opc", "serial", "serial single", "service", "sla", "smart-serial",
    "smart-serial single", "snmp", "snmpv2", "snmpv3", "virtual",
)
# Values of Param/Type (protocol.xsd, EnumParamType).
PARAM_TYPES = (
    "array", "bus", "crc", "dataminer info", "discreet info", "dummy", "elementdmaid", "elementid",
    "elementname", "fixed", "group", "header", "ip", "length", "matrix", "pollingip", "read",
    "read bit", "response", "trailer", "write", "write bit",
)
SERIAL_TYPES = ("serial", "serial single", "smart-serial", "smart-serial single")
SMART_SERIAL_TYPES = ("smart-serial", "smart-serial single")
SNMP_TYPES = ("snmp", "snmpv2", "snmpv3")


@dataclass
class ClassicConnection:
    """One connection of the `Protocol/Type` syntax: number 0 is the main connection."""

    number: int
    type_raw: str | None  # as written ('snmp', ' serial '), None when there is no type
    advanced_name: str | None  # name given in Type@advanced (None for the main connection)
    port_settings: object | None  # Protocol/PortSettings or Protocol/Ports/PortSettings[n-1]

    @property
    def type(self) -> str | None:
        return self.type_raw.strip().lower() if self.type_raw is not None else None

    @property
    def port_name(self) -> str | None:
        return None if self.port_settings is None else self.port_settings.get("name")


def protocol_type(model):
    """The `Protocol/Type` element, or None."""
    return child(model.root, "Type")


def has_connections_syntax(model) -> bool:
    return child(model.root, "Connections") is not None


def advanced_entries(type_element) -> list[tuple[str, str | None]]:
    """`Type@advanced="snmp:SNMP Connection;http"` -> [('snmp', 'SNMP Connection'), ('http', None)]."""
    raw = None if type_element is None else type_element.get("advanced")
    if raw is None or not raw.strip():
        return []
    entries = []
    for part in raw.split(";"):
        kind, sep, name = part.partition(":")
        entries.append((kind, name if sep else None))
    return entries


def classic_counts(model) -> tuple[int, int]:
    """(connection types, PortSettings) declared in the `Protocol/Type` syntax: the main
    Type plus each Type@advanced entry, against Protocol/PortSettings plus Protocol/Ports."""
    type_element = protocol_type(model)
    main_ports = child(model.root, "PortSettings")
    extra_ports = children(child(model.root, "Ports"), "PortSettings")
    type_count = (1 if type_element is not None else 0) + len(advanced_entries(type_element))
    port_count = (1 if main_ports is not None else 0) + len(extra_ports)
    return type_count, port_count


def classic_connections(model) -> list[ClassicConnection]:
    """The connections of the `Protocol/Type` syntax, main first (cached on the model)."""
    cached = getattr(model, "_classic_connections", None)
    if cached is not None:
        return cached
    type_element = protocol_type(model)
    main_ports = child(model.root, "PortSettings")
    extra_ports = children(child(model.root, "Ports"), "PortSettings")
    advanced = advanced_entries(type_element)
    count = max(classic_counts(model))
    found = []
    for number in range(count):
        if number == 0:
            type_raw = None if type_element is None else (type_element.text or "")
            found.append(ClassicConnection(0, type_raw, None, main_ports))
            continue
        kind, name = advanced[number - 1] if number - 1 < len(advanced) else (None, None)
        ports = extra_ports[number - 1] if number - 1 < len(extra_ports) else None
        found.append(ClassicConnection(number, kind, name, ports))
    model._classic_connections = found
    return found


def connection_types(model) -> list[str | None]:
    """Type of every connection, whichever syntax declares them (lower-case, None if unknown)."""
    if has_connections_syntax(model):
        types = []
        for connection in model.connections:
            kinds = [local_name(el.tag) for el in connection.element if isinstance(el.tag, str)]
            types.append(kinds[0].lower() if kinds else None)
        return types
    return [connection.type for connection in classic_connections(model)]


def connection_count(model) -> int:
    return len(connection_types(model))


def connection_exists(model, number: str) -> bool:
    """Whether a connection number (canonical digits, from Group@connection or `dynamic ip N`)
    names a connection: by position (counted from 0), or by a declared `Connections/Connection@id`
    (the WebSocket documentation numbers its single connection 1). Any length is fine."""
    if sort_key(number) < sort_key(str(connection_count(model))):
        return True
    return any(connection.id == number for connection in model.connections)


def tables(model) -> set[str]:
    """Ids of the parameters of type array (tables), cached on the model."""
    cached = getattr(model, "_tables", None)
    if cached is None:
        # param_types holds each parameter's Type text (trimmed), shared with the PRM rules
        cached = {entry.pid for entry in param_types(model) if entry.kind.lower() == "array"}
        model._tables = cached
    return cached


def columns(model) -> set[str]:
    """Ids named as columns of a table (Type@id of an array, ColumnOption@pid), cached."""
    cached = getattr(model, "_columns", None)
    if cached is None:
        cached = set()
        for reference in model.all_references:
            if reference.site.name in ("Param/Type@id(array)", "ArrayOptions/ColumnOption@pid"):
                normalized = normalize_id(reference.raw)
                if normalized is not None:
                    cached.add(normalized)
        model._columns = cached
    return cached


def response_ids(model) -> set[str]:
    """Ids of `Protocol/Responses/Response` elements."""
    found = set()
    for response in children(child(model.root, "Responses"), "Response"):
        normalized = normalize_id(response.get("id"))
        if normalized is not None:
            found.add(normalized)
    return found


def param_label(param_element) -> str:
    """'Param 12 (Name)' for messages."""
    raw = param_element.get("id")
    name = text_of(child(param_element, "Name"))
    ident = raw.strip() if raw is not None and raw.strip() else "(no id)"
    return f"Param {ident}" + (f" ({name})" if name else "")


def all_params(model) -> list:
    """Every `Protocol/Params/Param` element in document order (also those without a valid id), cached."""
    cached = getattr(model, "_all_params", None)
    if cached is None:
        cached = model._all_params = children(child(model.root, "Params"), "Param")
    return cached


@dataclass
class ParamType:
    """A parameter with a valid id and its `Type` element, computed once per file."""

    pid: str
    param: object  # dmlint.model.Param
    element: object | None  # the Param/Type element
    kind: str  # Type text, trimmed (case kept)
    options: list[str]  # Type@options split on ';', trimmed, empty ones dropped

    @property
    def label(self) -> str:
        return f"Param {self.pid} ({self.param.name})"


def param_types(model) -> list[ParamType]:
    """Every parameter with a valid id, with its Type, in document order of ids (cached)."""
    cached = getattr(model, "_param_types", None)
    if cached is None:
        cached = []
        for pid, group in model.params.items():
            for param in group:
                element = param.type_element
                if element is None:
                    cached.append(ParamType(pid, param, None, "", []))
                    continue
                cached.append(ParamType(pid, param, element, (element.text or "").strip(), param.type_options))
        model._param_types = cached
    return cached
