"""Connections, in both syntaxes: `Connections/Connection` and the older `Protocol/Type` +
`Type@advanced` + `PortSettings` one. The builders here take the model; the model caches
what they return (`model.classic_connections`, `model.connection_types`, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.core.ids import normalize_id
from dmlint.model.elements import child, children, is_true, local_name, path, text_of


@dataclass
class Connection:
    """A `Protocol/Connections/Connection`."""

    element: object
    position: int  # 0-based order in <Connections>
    raw_id: str | None
    http: object | None
    options: object | None  # Http/CommunicationOptions

    @property
    def id(self) -> str | None:
        return normalize_id(self.raw_id)

    @property
    def name(self) -> str:
        return self.element.get("name") or ""

    def label(self) -> str:
        return f"connection {self.raw_id.strip()}" if self.raw_id else f"connection #{self.position}"

    def option(self, name: str):
        return child(self.options, name)

    @property
    def is_websocket(self) -> bool:
        return is_true(self.option("WebSocket"))

    @property
    def handshake_element(self):
        return self.option("WebSocketHandshake")

    def notify_element(self, name: str):
        return path(self.options, "NotifyConnectionPIDs", name)

    def user_setting(self, name: str) -> str | None:
        """`Http/UserSettings/<name>/DefaultValue`, trimmed, or None."""
        return text_of(path(self.http, "UserSettings", name, "DefaultValue"))



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

    @property
    def known_type(self) -> str | None:
        """The connection type when DataMiner knows it (any case, spaces around allowed), else None."""
        kind = self.type
        return kind if kind in CONNECTION_TYPES else None


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
    type_element = model.protocol_type
    main_ports = child(model.root, "PortSettings")
    extra_ports = children(child(model.root, "Ports"), "PortSettings")
    type_count = (1 if type_element is not None else 0) + len(advanced_entries(type_element))
    port_count = (1 if main_ports is not None else 0) + len(extra_ports)
    return type_count, port_count


def classic_connections(model) -> list[ClassicConnection]:
    """The connections of the `Protocol/Type` syntax, main first (model.classic_connections)."""
    type_element = model.protocol_type
    main_ports = child(model.root, "PortSettings")
    extra_ports = children(child(model.root, "Ports"), "PortSettings")
    advanced = advanced_entries(type_element)
    if type_element is not None:
        # The main connection, then one per Type@advanced entry or Ports/PortSettings, whichever are more.
        count = 1 + max(len(advanced), len(extra_ports))
    else:
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
    return found


def connection_types(model) -> list[str | None]:
    """Type of every connection, whichever syntax declares them (lower-case, None if unknown):
    model.connection_types."""
    if model.has_connections_syntax:
        types = []
        for connection in model.connections:
            typed = child(connection.element, "Type")
            if typed is not None:  # <Connection><Type>snmp</Type>...: the type is the text
                types.append((typed.text or "").strip().lower() or None)
                continue
            kinds = [local_name(el.tag) for el in connection.element if isinstance(el.tag, str)]
            types.append(kinds[0].lower() if kinds else None)
        return types
    return [connection.type for connection in model.classic_connections]


# Connections/Connection child elements, as the official model names their types.
_TAG_TYPES = {"gpib": "gpib", "http": "http", "opc": "opc", "serial": "serial", "service": "service", "sla": "sla",
              "smartserial": "smart-serial", "snmp": "snmp", "snmpv2": "snmpv2", "snmpv3": "snmpv3",
              "virtual": "virtual"}


def numbered_connections(model) -> list[tuple[int, str | None]]:
    """(number, type) of every connection as the official validator numbers them: with
    `Protocol/Type`, 0 for the main one and 1.. for Type@advanced / Ports; otherwise by
    `Connections/Connection@id` (connections without a numeric id are left out). Types are
    lower-case ('smart-serial'); 'single' variants are reported as their base type."""
    if model.protocol_type is not None:
        return [(connection.number, (connection.type or "").replace(" single", "") or None)
                for connection in model.classic_connections]
    from dmlint.core.ids import dotnet_uint

    found = []
    for connection in model.connections:
        number = dotnet_uint(connection.raw_id)
        if number is None:
            continue
        kinds = [local_name(el.tag).lower() for el in connection.element if isinstance(el.tag, str)]
        kind = next((_TAG_TYPES[name] for name in kinds if name in _TAG_TYPES), None)
        found.append((number, kind))
    return found


def checked_connection_count(model) -> int:
    """How many connections of the `Protocol/Type` syntax have both a known type and PortSettings
    to check (the smaller count of the two, counted over the list); a single virtual or sla
    connection needs no PortSettings and counts as one."""
    connections = model.classic_connections
    if len(connections) == 1 and connections[0].port_settings is None and connections[0].known_type in ("virtual",
                                                                                                           "sla"):
        return 1
    types = sum(1 for connection in connections if connection.known_type is not None)
    ports = sum(1 for connection in connections if connection.port_settings is not None)
    return min(types, ports)


def _disabled(port_settings, name: str) -> bool:
    """`<name><Disabled>true</Disabled></name>` in these PortSettings."""
    return (text_of(path(port_settings, name, "Disabled")) or "").lower() == "true"


def _is_ssh(connection: ClassicConnection) -> bool:
    """A serial connection that DataMiner opens as an SSH client: port 22 or an <SSH> element
    (smart-serial connections have no SSH)."""
    if connection.known_type not in ("serial", "serial single"):
        return False
    ports = connection.port_settings
    if normalize_id(text_of(path(ports, "IPport", "DefaultValue"))) == "22":
        return True
    return child(ports, "SSH") is not None


def expected_connection_name(connection: ClassicConnection) -> str | None:
    """The name Skyline's convention gives a connection ('SNMP Connection', 'IP Connection', ...),
    optionally followed by ' - <purpose>'; None when the convention does not decide (gpib, opc,
    service, sla, or a serial connection that allows both IP and serial ports)."""
    if _is_ssh(connection):
        return "SSH Connection"
    kind = connection.known_type
    if kind in SNMP_TYPES:
        return "SNMP Connection"
    if kind == "http":
        return "HTTP Connection"
    if kind in SERIAL_TYPES:
        ports = connection.port_settings
        if _disabled(ports, "PortTypeSerial"):
            return "IP Connection"
        if _disabled(ports, "PortTypeIP") and _disabled(ports, "PortTypeUDP"):
            return "Serial Connection"
        return None
    if kind == "virtual":
        return "Virtual Connection"
    return None


def follows_name_convention(name: str, expected: str) -> bool:
    """'SNMP Connection' or 'SNMP Connection - <purpose>' with a purpose that is not blank."""
    if name == expected:
        return True
    lead = expected + " - "
    return name.startswith(lead) and bool(name.replace(lead, "").strip())


def misnamed_connections(model) -> list[tuple[ClassicConnection, str]]:
    """(connection, expected name) for every checked connection whose PortSettings@name does not
    follow the convention (blank names are CON009's)."""
    found = []
    for connection in model.classic_connections[:model.checked_connection_count]:
        name = connection.port_name
        if name is None or not name.strip():
            continue
        expected = expected_connection_name(connection)
        if expected is not None and not follows_name_convention(name, expected):
            found.append((connection, expected))
    return found
