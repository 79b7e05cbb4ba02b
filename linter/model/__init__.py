"""The index rules read: parameters, connections, HTTP sessions and parameter references.

Built once per file. Sections the rules need are reached by direct child paths
(Protocol/Params/Param, Protocol/HTTP/Session, ...); parameter references are
collected by one filtered pass over the tree driven by `references.REFERENCE_SITES`.
Rules only look things up here, so checking stays linear in the file size.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from dmlint.core.parser import Document, local_name
from dmlint.core.ids import normalize_id
from dmlint.model.references import REFERENCE_SITES, ReferenceSite
from lxml import etree

DYNAMIC_IP = re.compile(r"^dynamic\s+ip(?:\s+(\S+))?$", re.IGNORECASE)


def child(element, name: str):
    """First child element with this local name, or None."""
    if element is None:
        return None
    for candidate in element.iterchildren("{*}" + name):
        return candidate
    return None


def children(element, name: str) -> list:
    if element is None:
        return []
    return list(element.iterchildren("{*}" + name))


def path(element, *names: str):
    """Follow child local names; None as soon as one is missing."""
    for name in names:
        element = child(element, name)
        if element is None:
            return None
    return element


def text_of(element) -> str | None:
    """Element text trimmed, or None when the element is absent."""
    if element is None:
        return None
    return (element.text or "").strip()


def is_true(element) -> bool:
    return text_of(element) is not None and text_of(element).lower() == "true"


class _ParamIndex:
    """What the model's reference pass learns about Param elements on the way: which have an
    `Interprete/DefaultValue` grandchild, and each one's first `Type` child. Without that pass
    (or for a file whose table lacks those sites) the holders are found on first use by one
    C-level pass over the Params block (cheaper than asking every parameter)."""

    def __init__(self, params_block):
        self._block = params_block
        self.default_holders: set | None = None  # filled by the model's reference pass
        self.types: dict | None = None  # element -> its first Type child, filled by that pass too

    def __contains__(self, element) -> bool:
        if self.default_holders is None:
            found = set()
            if self._block is not None:
                for default in self._block.iter("{*}DefaultValue"):
                    parent = default.getparent()
                    if parent is not None and local_name(parent.tag) == "Interprete":
                        holder = parent.getparent()
                        if holder is not None:
                            found.add(holder)
            self.default_holders = found
        return element in self.default_holders


@dataclass
class Param:
    element: object
    id: str  # normalized id
    # which Param elements hold a DefaultValue, and their Type children (None: look each up)
    index: object = field(default=None, repr=False, compare=False)  # a _ParamIndex

    @property
    def name(self) -> str:
        return text_of(child(self.element, "Name")) or ""

    @property
    def type_element(self):
        """The first `Param/Type` child, or None (from the index of the model's reference pass)."""
        index = self.index
        if index is not None and index.types is not None:
            return index.types.get(self.element)
        return child(self.element, "Type")

    @property
    def type_text(self) -> str:
        """`Param/Type` trimmed and lower-cased ('' when absent)."""
        return (text_of(self.type_element) or "").lower()

    @property
    def saved(self) -> bool:
        return (self.element.get("save") or "").strip().lower() == "true"

    @property
    def displayed(self) -> bool:
        return is_true(path(self.element, "Display", "RTDisplay"))

    @property
    def default_value_element(self):
        if self.index is not None and self.element not in self.index:
            return None
        return path(self.element, "Interprete", "DefaultValue")

    @property
    def default_value(self) -> str | None:
        element = self.default_value_element
        return None if element is None else (element.text or "")

    @property
    def type_options(self) -> list[str]:
        type_element = self.type_element
        if type_element is None:
            return []
        raw = type_element.get("options") or ""
        return [option.strip() for option in raw.split(";") if option.strip()]

    def dynamic_ip_targets(self) -> list[str]:
        """Connection numbers (canonical digits) this parameter's `dynamic ip` options point at
        ('0' = the first); a target that is not a number is left out (PRM008 reports it)."""
        targets = []
        for option in self.type_options:
            match = DYNAMIC_IP.match(option)
            if match:
                target = normalize_id(match.group(1) or "0")
                if target is not None:
                    targets.append(target)
        return targets


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


@dataclass
class SessionConnection:
    """An `HTTP/Session/Connection`: one request and optionally one response."""

    element: object

    @property
    def request(self):
        return child(self.element, "Request")

    @property
    def response(self):
        return child(self.element, "Response")

    @property
    def url_reference(self) -> str | None:
        """The raw id of the URL parameter: `Request@pid`, else a numeric `Request@url`."""
        request = self.request
        if request is None:
            return None
        pid = request.get("pid")
        if pid is not None:
            return pid
        url = request.get("url")
        return url if normalize_id(url) is not None else None

    @property
    def request_headers(self) -> list:
        return children(child(self.request, "Headers"), "Header")


@dataclass
class Session:
    element: object
    id: str | None

    @property
    def connections(self) -> list[SessionConnection]:
        return [SessionConnection(el) for el in children(self.element, "Connection")]


@dataclass
class Handshake:
    """A connection's `WebSocketHandshake` and the HTTP session it names (None if none)."""

    connection: Connection
    element: object  # the WebSocketHandshake element
    session: Session | None


@dataclass(frozen=True)
class Reference:
    site: ReferenceSite
    element: object
    raw: str  # the token as written


@dataclass
class ProtocolModel:
    document: Document
    params: dict[str, list[Param]] = field(default_factory=dict)
    connections: list[Connection] = field(default_factory=list)
    sessions: dict[str, list[Session]] = field(default_factory=dict)
    all_sessions: list[Session] = field(default_factory=list)
    references: dict[str, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    # Every token found at every reference site, numeric or not, in document order (REF rules).
    all_references: list[Reference] = field(default_factory=list)
    has_params_block: bool = False
    has_http_block: bool = False
    param_index: _ParamIndex | None = field(default=None, repr=False)  # filled by the reference pass

    @property
    def root(self):
        return self.document.root

    def param(self, raw_id: str | None) -> Param | None:
        """The parameter a (possibly untrimmed) id names, or None."""
        normalized = normalize_id(raw_id)
        if normalized is None:
            return None
        found = self.params.get(normalized)
        return found[0] if found else None

    def session(self, raw_id: str | None) -> Session | None:
        normalized = normalize_id(raw_id)
        if normalized is None:
            return None
        found = self.sessions.get(normalized)
        return found[0] if found else None

    def type_of(self, param_element):
        """The first `Type` child of a `Params/Param` element (from the reference pass's index)."""
        types = self.param_index.types if self.param_index is not None else None
        if types is not None:
            return types.get(param_element)
        return child(param_element, "Type")

    def references_to(self, param_id: str) -> list[Reference]:
        return self.references.get(param_id, [])

    def handshakes(self) -> list[Handshake]:
        """Every connection that declares a WebSocketHandshake, in document order."""
        found = []
        for connection in self.connections:
            element = connection.handshake_element
            if element is not None:
                found.append(Handshake(connection, element, self.session(element.text)))
        return found

    def handshake_sessions(self) -> list[Session]:
        """The distinct sessions used as a handshake (a session named twice is listed once)."""
        seen: dict[int, Session] = {}
        for handshake in self.handshakes():
            if handshake.session is not None:
                seen.setdefault(id(handshake.session.element), handshake.session)
        return list(seen.values())

    def dynamic_ip_params(self) -> list[Param]:
        return [p for group in self.params.values() for p in group if p.dynamic_ip_targets()]


def build_model(document: Document) -> ProtocolModel:
    root = document.root
    model = ProtocolModel(document)

    params_block = child(root, "Params")
    model.has_params_block = params_block is not None
    index = model.param_index = _ParamIndex(params_block)
    for element in children(params_block, "Param"):
        param_id = normalize_id(element.get("id"))
        if param_id is not None:
            model.params.setdefault(param_id, []).append(Param(element, param_id, index))

    for position, element in enumerate(children(child(root, "Connections"), "Connection")):
        http = child(element, "Http")
        model.connections.append(
            Connection(element, position, element.get("id"), http, child(http, "CommunicationOptions"))
        )

    http_block = child(root, "HTTP")
    model.has_http_block = http_block is not None
    for element in children(http_block, "Session"):
        session = Session(element, normalize_id(element.get("id")))
        model.all_sessions.append(session)
        if session.id is not None:
            model.sessions.setdefault(session.id, []).append(session)

    _collect_references(model, index)
    return model


def _sites_by_element() -> dict[str, list[ReferenceSite]]:
    table: dict[str, list[ReferenceSite]] = defaultdict(list)
    for site in REFERENCE_SITES:
        table[site.element].append(site)
    return table


def _collect_references(model: ProtocolModel, index: _ParamIndex | None = None) -> None:
    """Fill model.references and model.all_references in one pass over the tree; on the way,
    keep the comments (for the suppressions) and the holders of Interprete/DefaultValue."""
    table = _sites_by_element()
    wanted = ["{*}" + name for name in table]
    if index is not None and "DefaultValue" not in table:
        wanted.append("{*}DefaultValue")
    references = model.references
    # local name -> (sites, attributes its sites read, whether a site reads the text)
    entries = {name: (sites, tuple(dict.fromkeys(site.attribute for site in sites if site.attribute)),
                      any(site.attribute is None for site in sites))
               for name, sites in table.items()}
    by_tag: dict[str, tuple] = {}  # full tag -> (sites, attributes, reads text, is DefaultValue)
    comment = etree.Comment
    comments = []  # collected on the way for the suppressions (one walk instead of two)
    holders = set()
    types: dict = {}
    for element in model.root.iter(comment, *wanted):
        tag = element.tag
        if tag is comment:
            comments.append(element)
            continue
        entry = by_tag.get(tag)
        if entry is None:
            name = local_name(tag)
            entry = by_tag[tag] = entries.get(name, ((), (), False)) + (name == "DefaultValue", name == "Type")
        sites, attributes, reads_text, is_default, is_type = entry
        if is_type and index is not None:
            types.setdefault(element.getparent(), element)  # document order: the first Type child wins
        elif is_default:
            parent = element.getparent()
            if parent is not None and local_name(parent.tag) == "Interprete":
                holder = parent.getparent()
                if holder is not None:
                    holders.add(holder)
        # Cheapest test first, once per element rather than once per site: most candidates
        # (every Params/Param, most Type, OID, Monitored) hold no value at any of their sites.
        for attribute in attributes:
            if element.get(attribute) is not None:
                break
        else:
            if not reads_text:
                continue
            text = element.text
            if text is None or (len(element) and not text.strip()):
                continue
        parent_name = grandparent_name = None
        for site in sites:
            # Cheapest test first: most candidates hold no value at this site, and an element
            # whose text is only the indentation before its children (every Params/Param) is no
            # reference. A blank attribute or leaf text is kept: REF002 reports it.
            raw = element.get(site.attribute) if site.attribute else element.text
            if raw is None or (site.attribute is None and len(element) and not raw.strip()):
                continue
            if site.parents:
                if parent_name is None:
                    parent = element.getparent()
                    parent_name = local_name(parent.tag) if parent is not None else ""
                if parent_name not in site.parents:
                    continue
            if site.grandparents:
                if grandparent_name is None:
                    parent = element.getparent()
                    grand = parent.getparent() if parent is not None else None
                    grandparent_name = local_name(grand.tag) if grand is not None else ""
                if grandparent_name not in site.grandparents:
                    continue
            if site.when_text and (element.text or "").strip().lower() not in site.when_text:
                continue
            for token in site.extract(element):
                reference = Reference(site, element, token)
                model.all_references.append(reference)
                param_id = normalize_id(token)
                if param_id is not None:
                    references[param_id].append(reference)
    model.document.comments = comments
    if index is not None:
        index.default_holders = holders
        index.types = types if "Type" in table else None
