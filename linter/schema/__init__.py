"""Schema validation: the bundled schema by default, or an XSD such as Skyline's protocol.xsd.

    load_schema(path) -> LoadedSchema   (compiled once per process and file version)

Skyline's `protocol.xsd` is written for .NET: its `xs:pattern` facets use .NET regex syntax
that libxml2 refuses (or reads differently). It is loaded here with every pattern rewritten to
an XSD regex with the same meaning (`dmlint.schema.dotnet_regex`), its `xs:include`s (uom.xsd) served
from memory by a resolver, and nothing written to disk. Validation runs on the tree dmlint has
already parsed (no second parse). libxml2's error log is turned into findings: codes by kind,
messages without namespace braces, follow-on noise folded into the error it follows.
"""

from __future__ import annotations

import copy
import os
import re
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from lxml import etree

from dmlint.core.parser import local_name
from dmlint.core.problem import Finding
from dmlint.schema.dotnet_regex import UnsupportedPattern, to_xsd

PROTOCOL_NS = "http://www.skyline.be/protocol"
UNIT_TEST_NS = "http://www.skyline.be/validatorProtocolUnitTest"
# Files without a namespace are validated after mapping their elements onto PROTOCOL_NS.
# Files in the official validator's unit-test namespace are test fragments (they leave out what
# their check does not need), and files in any other namespace are not protocols dmlint knows:
# both are not schema-validated (`--verbose` says so).
MAPPED_NAMESPACES = (None,)
XSD_CODES = ("XSD001", "XSD002", "XSD003", "XSD004")
BUNDLED_NAME = "protocol-core.xsd"
XS = "{http://www.w3.org/2001/XMLSchema}"
EXPECTED_SHOWN = 8  # names listed in an "expected one of" message before "and N more"
LIBXML2_EXPECTED_CAP = 10  # libxml2 names at most this many expected elements in a message


class SchemaLoadError(Exception):
    """The schema cannot be read, rewritten or compiled (a one-line, user-facing message)."""


@dataclass(frozen=True)
class PatternRewrite:
    file: str
    line: int
    original: str
    rewritten: str
    notes: tuple[str, ...]


@dataclass
class LoadedSchema:
    label: str  # what to call it in messages
    schema: etree.XMLSchema
    rewrites: list[PatternRewrite] = field(default_factory=list)
    seconds: float = 0.0  # read + rewrite + compile
    documents: list = field(default_factory=list, repr=False)  # schema trees, for suggestions
    # lxml keeps the last validation's error log on the schema object: one validation at a time.
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _children: dict | None = field(default=None, repr=False)
    _required: dict | None = field(default=None, repr=False)
    _attributes: dict | None = field(default=None, repr=False)

    def allowed_attributes(self, path: tuple[str, ...]) -> list[str]:
        """Attribute names the schema declares on the element at `path` (for suggestions)."""
        if self._attributes is None:
            self._attributes = _attributes_index(self.documents)
        return sorted(_lookup(self._attributes, path, set()))

    def allowed_children(self, path: tuple[str, ...]) -> list[str]:
        """Names the schema declares as children of the element at `path` (local names from the
        root), matched on the longest tail of the path the schema declares. For suggestions only;
        built on first use: libxml2 does not always list what it expected.
        """
        if self._children is None:
            self._children = _children_index(self.documents)
        return sorted(_lookup(self._children, path, set()))

    def required_children(self, path: tuple[str, ...]) -> set[str]:
        """Children the schema requires in the element at `path` (all matching declarations agree)."""
        if self._required is None:
            self._required = _required_index(self.documents)
        return _lookup(self._required, path, set())


def _lookup(index: dict, path: tuple[str, ...], default):
    for start in range(len(path)):
        if path[start:] in index:
            return index[path[start:]]
    return default


def _declared_names_index(roots, leaf: str, group: str, skipped: tuple[str, ...]) -> dict:
    """What each declared element may hold, by kind: its child elements (leaf `element`, named
    groups `group`) or its attributes (leaf `attribute`, `attributeGroup`), following group
    references and the base types of extensions and restrictions. `skipped` tags are not
    entered (a child element's own attributes are not its parent's)."""
    types, groups = {}, {}
    for root in roots:
        types.update((el.get("name"), el) for el in root.iterchildren(f"{XS}complexType"))
        groups.update((el.get("name"), el) for el in root.iterchildren(f"{XS}{group}"))

    def follow(table: dict, reference: str, out: set, seen: set) -> None:
        target = table.get(reference.rpartition(":")[2])
        if target is not None and id(target) not in seen:
            seen.add(id(target))
            collect(target, out, seen)

    def collect(node, out: set, seen: set) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{XS}{leaf}":
                name = child.get("name") or (child.get("ref") or "").rpartition(":")[2]
                if name:
                    out.add(name)
            elif tag in skipped:
                continue
            elif tag == f"{XS}{group}" and child.get("ref"):
                follow(groups, child.get("ref"), out, seen)
            else:
                if tag in (f"{XS}extension", f"{XS}restriction") and child.get("base"):
                    follow(types, child.get("base"), out, seen)
                collect(child, out, seen)

    return _index_declarations(roots, types, collect)


def _children_index(roots) -> dict[str, set[str]]:
    return _declared_names_index(roots, "element", "group", (f"{XS}annotation",))


def _attributes_index(roots) -> dict[tuple, set[str]]:
    return _declared_names_index(roots, "attribute", "attributeGroup", (f"{XS}element", f"{XS}annotation"))


def _index_declarations(roots, types, collect, combine=set.union) -> dict[tuple, set[str]]:
    """Apply `collect(definition, out, seen)` to every named element declaration.

    Keyed by every tail of the declaration's chain of enclosing element names
    (`("Params", "Param")`, `("Param",)`); declarations sharing a key are merged with `combine`.
    """
    index: dict[tuple, set[str]] = {}
    for root in roots:
        for element in root.iter(f"{XS}element"):
            name = element.get("name")
            if not name:
                continue
            definition = element.find(f"{XS}complexType")
            if definition is None and element.get("type"):
                definition = types.get(element.get("type").rpartition(":")[2])
            if definition is None:
                continue
            found: set[str] = set()
            collect(definition, found, {id(definition)})
            holders = [a for a in element.iterancestors(f"{XS}element") if a.get("name")][::-1]
            outermost = holders[0] if holders else element
            anchored = outermost.getparent() is not None and outermost.getparent().tag == f"{XS}schema"
            # "/" marks a chain that starts at a global element (a possible document root).
            chain = (("/",) if anchored else ()) + tuple(a.get("name") for a in holders) + (name,)
            for start in range(len(chain)):
                key = chain[start:]
                index[key] = combine(index[key], found) if key in index else set(found)
    return index


def _required_index(roots) -> dict[str, set[str]]:
    types = {}
    for root in roots:
        types.update((el.get("name"), el) for el in root.iterchildren(f"{XS}complexType"))

    def collect(node, out: set, seen: set) -> None:
        for child in node:
            tag = child.tag
            if child.get("minOccurs") == "0" or tag in (f"{XS}choice", f"{XS}any", f"{XS}annotation", f"{XS}group"):
                continue
            if tag == f"{XS}element":
                name = child.get("name") or (child.get("ref") or "").rpartition(":")[2]
                if name:
                    out.add(name)
            elif tag in (f"{XS}sequence", f"{XS}all", f"{XS}complexContent", f"{XS}extension",
                         f"{XS}restriction"):
                if child.get("base"):
                    base = types.get(child.get("base").rpartition(":")[2])
                    if base is not None and id(base) not in seen:
                        seen.add(id(base))
                        collect(base, out, seen)
                collect(child, out, seen)

    # An element name declared in several places: only what all of them require.
    return _index_declarations(roots, types, collect, combine=set.intersection)


# -- loading -----------------------------------------------------------------------------------
def _schema_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                           remove_comments=True)


def _key(path: str) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


class _MemoryResolver(etree.Resolver):
    """Serve included/imported schema documents from memory (already rewritten); nothing else."""

    def __init__(self, documents: dict[str, bytes]):
        super().__init__()
        self.documents = documents

    def resolve(self, url, public_id, context):
        location = url[len("file://"):] if url and url.startswith("file://") else url
        data = self.documents.get(_key(location)) if location else None
        if data is None:  # never fall back to the disk or the network
            return self.resolve_string(b"<unresolved-schema-location/>", context, base_url=url)
        return self.resolve_string(data, context, base_url=url)


def _rewrite_patterns(tree, label: str, rewrites: list[PatternRewrite]) -> None:
    for facet in tree.iter(f"{XS}pattern"):
        value = facet.get("value")
        if value is None:
            continue
        try:
            result = to_xsd(value)
        except UnsupportedPattern as exc:
            raise SchemaLoadError(
                f"{label}:{facet.sourceline}: pattern {value!r} has no XSD equivalent: {exc}") from None
        if result.changed:
            facet.set("value", result.pattern)
            rewrites.append(PatternRewrite(label, facet.sourceline or 0, value, result.pattern,
                                           tuple(result.notes)))


def _read_schema_tree(path: str, parser=None):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SchemaLoadError(f"cannot read schema {path}: {exc.strerror or exc}") from None
    try:
        return etree.fromstring(data, parser or _schema_parser(), base_url=os.path.abspath(path))
    except etree.XMLSyntaxError as exc:
        raise SchemaLoadError(f"schema {path} is not well-formed XML: {exc}") from None


def _compile(path: str) -> LoadedSchema:
    started = time.perf_counter()
    rewrites: list[PatternRewrite] = []
    # Included schemas are served from memory by this resolver when libxml2 compiles the schema.
    documents: dict[str, bytes] = {}
    parser = _schema_parser()
    parser.resolvers.add(_MemoryResolver(documents))
    root = _read_schema_tree(path, parser)
    if root.tag != f"{XS}schema":
        raise SchemaLoadError(f"{path} is not an XML Schema (root element is <{local_name(root.tag)}>)")
    _rewrite_patterns(root, os.path.basename(path), rewrites)
    # Load every include/import/redefine from the schema's own folder, rewritten likewise.
    trees = [root]
    pending = [(root, os.path.dirname(os.path.abspath(path)))]
    while pending:
        tree, folder = pending.pop()
        for ref in tree.iterchildren(f"{XS}include", f"{XS}import", f"{XS}redefine"):
            location = ref.get("schemaLocation")
            if not location:
                continue
            if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+://", location) and not location.startswith("file://"):
                raise SchemaLoadError(f"{path}: will not fetch {location} (no network access)")
            target = os.path.join(folder, location[len("file://"):] if location.startswith("file://") else location)
            if _key(target) in documents:
                continue
            if not os.path.isfile(target):
                raise SchemaLoadError(f"{path}: included schema {location} not found next to it")
            included = _read_schema_tree(target)
            _rewrite_patterns(included, os.path.basename(target), rewrites)
            documents[_key(target)] = etree.tostring(included)
            trees.append(included)
            pending.append((included, os.path.dirname(os.path.abspath(target))))
    try:
        compiled = etree.XMLSchema(root)
    except etree.XMLSchemaParseError as exc:
        first = exc.error_log[0] if len(exc.error_log) else None
        where = f"line {first.line}: " if first is not None and first.line else ""
        detail = _strip_namespaces(first.message if first is not None else str(exc))
        raise SchemaLoadError(f"cannot compile schema {path}: {where}{detail}") from None
    return LoadedSchema(os.path.basename(path), compiled, rewrites, time.perf_counter() - started, trees)


_CACHE: dict[tuple, LoadedSchema] = {}


def load_schema(path: str | None = None) -> LoadedSchema:
    """The compiled schema at `path` (the bundled one when None); compiled once per file version."""
    if path is None:
        return bundled_schema()
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise SchemaLoadError(f"cannot read schema {path}: {exc.strerror or exc}") from None
    key = (_key(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = _compile(path)
    return _CACHE[key]


def _bundled_bytes() -> bytes:
    """The bundled XSD: read next to the package when installed as files (the usual case);
    importlib.resources (and the pathlib, tempfile and zipfile it imports, ~10 ms of every
    start-up) only for other installs such as a zip."""
    import dmlint.schemas

    folder = os.path.dirname(getattr(dmlint.schemas, "__file__", None) or "")
    candidate = os.path.join(folder, BUNDLED_NAME)
    if folder and os.path.isfile(candidate):
        with open(candidate, "rb") as handle:
            return handle.read()
    from importlib import resources

    return resources.files("dmlint.schemas").joinpath(BUNDLED_NAME).read_bytes()


@lru_cache(maxsize=1)
def bundled_schema() -> LoadedSchema:
    started = time.perf_counter()
    root = etree.fromstring(_bundled_bytes(), _schema_parser())
    return LoadedSchema(BUNDLED_NAME, etree.XMLSchema(root), [], time.perf_counter() - started, [root])


# -- validation --------------------------------------------------------------------------------
@dataclass
class SchemaProblem:
    code: str
    line: int
    message: str
    element: object | None = None
    attribute: str | None = None
    path: str | None = None  # libxml2's path of the element (to fold follow-ons)
    folded: int = 0  # follow-on messages folded into this one
    rename: str | None = None  # XSD001 with a suggestion: the name the element or attribute should have


_ENTRY = re.compile(r"^Element '(?P<element>[^']*)'(?:, attribute '(?P<attribute>[^']*)')?: (?P<detail>.*)$", re.S)
_NAMESPACE = re.compile(r"\{[^{}\s]*[:/][^{}\s]*\}")
_EXPECTED = re.compile(r"\s*Expected is(?: one of)? \((?P<names>[^)]*)\)\.?")
_QUOTED_VALUE = re.compile(r"^'(?P<value>[^']*)' is not a valid value|The value '(?P<value2>[^']*)'")
_KEY_SEQUENCE = re.compile(r"key-sequence \[(?P<values>[^\]]*)\]")


def _strip_namespaces(text: str) -> str:
    return _NAMESPACE.sub("", text)


def validation_note(root) -> str | None:
    """Why a protocol's schema validation is skipped or adapted (for --verbose), or None."""
    namespace = etree.QName(root).namespace
    notes = []
    if namespace is None:
        notes.append(f"no namespace: validated against the schema as if in {PROTOCOL_NS}")
    elif namespace == UNIT_TEST_NS:
        return "validator unit-test namespace (a test fragment): schema validation skipped"
    elif namespace != PROTOCOL_NS:
        return f"namespace {namespace} is not {PROTOCOL_NS}: schema validation skipped"
    entities = _entity_references(root)
    if entities:
        names = sorted({reference.text or "&?;" for reference in entities})
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        notes.append(f"{len(entities)} entity reference(s) left unexpanded ({shown}): dmlint never expands "
                     "entities, so the schema was validated without them and what they stand for is not checked")
    return "; ".join(notes) or None


def _entity_references(root) -> list:
    """Entity reference nodes of a tree (only a document with a DOCTYPE can hold any)."""
    if root.getroottree().docinfo.internalDTD is None:
        return []
    return list(root.iter(etree.Entity))


def _validation_root(document):
    """(root to validate, True when it is a copy) or (None, False) to skip.

    The copy maps a file without a namespace onto PROTOCOL_NS, and leaves out the entity
    references dmlint does not expand (a DOCTYPE's `&name;`): libxml2's validator cannot
    handle them ("Internal error in XML Schema validation"), so they never reach it; the
    text around them is kept. `--verbose` says so (validation_note)."""
    root = document.root
    namespace = etree.QName(root).namespace
    if namespace != PROTOCOL_NS and namespace not in MAPPED_NAMESPACES:
        return None, False
    entities = _entity_references(root)
    if namespace == PROTOCOL_NS and not entities:
        return root, False
    mapped = copy.deepcopy(root)
    if entities:
        _drop_entity_references(mapped)
    if namespace != PROTOCOL_NS:
        for element in mapped.iter():
            if isinstance(element.tag, str) and etree.QName(element).namespace == namespace:
                element.tag = f"{{{PROTOCOL_NS}}}{etree.QName(element).localname}"
    return mapped, True


def _drop_entity_references(root) -> None:
    """Remove every entity reference node, keeping the text that follows it."""
    for reference in list(root.iter(etree.Entity)):
        parent = reference.getparent()
        if parent is None:
            continue
        tail = reference.tail or ""
        previous = reference.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(reference)


class _PathResolver:
    """Find the element libxml2's error path names (`/*/*[14]/*[2]`, `/Protocol/Params/Param[3]`)."""

    _STEP = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<index>\d+)\])?$")

    def __init__(self, root):
        self.root = root
        self.children: dict[int, list] = {}
        self.named: dict[tuple[int, str], list] = {}

    def _elements(self, parent) -> list:
        key = id(parent)
        if key not in self.children:
            self.children[key] = [child for child in parent if isinstance(child.tag, str)]
        return self.children[key]

    def _named(self, parent, name: str) -> list:
        key = (id(parent), name)
        if key not in self.named:  # once per parent and name: many errors share a parent
            self.named[key] = [el for el in self._elements(parent) if local_name(el.tag) == name]
        return self.named[key]

    def find(self, path: str | None):
        if not path or not path.startswith("/"):
            return None
        steps = path[1:].split("/")
        current = None
        for number, step in enumerate(steps):
            match = self._STEP.match(step)
            if not match:
                return None
            name, index = match.group("name"), int(match.group("index") or 1)
            if number == 0:
                candidates = [self.root]
                if name != "*" and local_name(self.root.tag) != name.rpartition(":")[2]:
                    candidates = []
            elif name == "*":
                candidates = self._elements(current)
            else:
                candidates = self._named(current, name.rpartition(":")[2])
            if index > len(candidates):
                return None
            current = candidates[index - 1]
        return current


def _classify(type_name: str, detail: str) -> str:
    unexpected = ("This element is not expected", "Character content other than whitespace",
                  "No matching global declaration", "Element content is not allowed")
    if any(text in detail for text in unexpected) or type_name.startswith("SCHEMAV_CVC_COMPLEX_TYPE_3_2"):
        return "XSD001"
    if "Missing child element" in detail or "is required but missing" in detail:
        return "XSD002"
    if type_name == "SCHEMAV_CVC_IDC" or "identity-constraint" in detail or "keyref" in detail:
        return "XSD004"
    return "XSD003"


def _is_precomputed_noise(detail: str) -> bool:
    return "No precomputed value available" in detail


def _is_field_noise(detail: str) -> bool:
    return "evaluate to a node" in detail and "Not all fields" in detail


def _expected_names(detail: str) -> list[str]:
    match = _EXPECTED.search(detail)
    if not match:
        return []
    names = []
    for raw in match.group("names").split(","):
        name = _strip_namespaces(raw.strip())
        if name and not name.startswith("#") and name not in names:
            names.append(name)
    return names


def _names_list(names: list[str]) -> str:
    shown = ", ".join(names[:EXPECTED_SHOWN])
    more = len(names) - EXPECTED_SHOWN
    return shown + (f", and {more} more" if more > 0 else "")


def _close_name(name: str, allowed: list[str]) -> str | None:
    """The allowed name `name` most likely misspells (same letters in another case, or close)."""
    lowered = {candidate.lower(): candidate for candidate in allowed}
    if name.lower() in lowered:
        return lowered[name.lower()]
    import difflib  # imported when a hint is needed, not on every start-up

    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggestion(name: str, allowed: list[str]) -> str:
    if not allowed:
        return ""
    for candidate in allowed:  # a container the element belongs in: Header -> Headers
        if candidate in (name + "s", name + "es"):
            return f"; did you mean to put it inside <{candidate}>?"
    lowered = {candidate.lower(): candidate for candidate in allowed}
    if name.lower() in lowered:
        return f"; did you mean <{lowered[name.lower()]}>?"
    import difflib  # imported when a hint is needed, not on every start-up

    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return f"; did you mean <{close[0]}>?" if close else ""


BUILTIN_TYPES = {
    "xs:unsignedInt": "an unsigned integer", "xs:unsignedLong": "an unsigned integer",
    "xs:unsignedShort": "an unsigned integer", "xs:unsignedByte": "an unsigned integer",
    "xs:nonNegativeInteger": "an unsigned integer", "xs:positiveInteger": "a positive integer",
    "xs:int": "an integer", "xs:integer": "an integer", "xs:long": "an integer", "xs:short": "an integer",
    "xs:decimal": "a decimal number", "xs:double": "a number", "xs:float": "a number",
    "xs:boolean": "true or false", "xs:date": "a date (YYYY-MM-DD)", "xs:dateTime": "a date and time",
}


def _quoted(text: str) -> str:
    return "'" + text + "'"


def _value_message(subject: str, detail: str) -> str | None:
    """Plain wording for libxml2's datatype and facet messages, with a suggestion for enumerations."""
    match = re.match(r"^\[facet 'enumeration'\] The value '(?P<value>[^']*)' is not an element of the set "
                     r"\{(?P<set>.*)\}\.?$", detail, re.S)
    if match:
        import difflib  # imported when a hint is needed, not on every start-up

        allowed = re.findall(r"'([^']*)'", match.group("set"))
        value = match.group("value")
        close = [a for a in allowed if a.lower() == value.strip().lower()] or \
            difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
        hint = f"; did you mean {_quoted(close[0])}?" if close else ""
        shown = ", ".join(_quoted(a) for a in allowed[:EXPECTED_SHOWN])
        more = f", and {len(allowed) - EXPECTED_SHOWN} more" if len(allowed) > EXPECTED_SHOWN else ""
        return f"invalid value {_quoted(value)} for {subject}: expected one of {shown}{more}{hint}"
    match = re.match(r"^\[facet 'pattern'\] The value '(?P<value>[^']*)' is not accepted by the pattern "
                     r"'(?P<pattern>.*)'\.?$", detail, re.S)
    if match:
        return (f"invalid value {_quoted(match.group('value'))} for {subject}: "
                f"does not match the pattern {_quoted(match.group('pattern'))}")
    match = re.match(r"^'(?P<value>[^']*)' is not a valid value of the (?:atomic|list|union|local atomic|local "
                     r"union|local list) type(?: '(?P<type>[^']*)')?\.?$", detail, re.S)
    if match:
        type_name = match.group("type")
        friendly = BUILTIN_TYPES.get(type_name or "")
        if friendly:
            expected = f": expected {friendly} ({type_name})"
        else:
            expected = f": expected {type_name}" if type_name else ""
        return f"invalid value {_quoted(match.group('value'))} for {subject}{expected}"
    match = re.match(r"^\[facet '(?P<facet>minLength|maxLength|length)'\] The value has a length of "
                     r"'(?P<length>\d+)'; this (?:underruns|exceeds|differs from) the allowed "
                     r"(?:minimum |maximum )?length of '(?P<limit>\d+)'\.?$", detail, re.S)
    if match:
        if match.group("length") == "0":
            return f"{subject} is empty: at least {match.group('limit')} character(s) required"
        word = {"minLength": "at least", "maxLength": "at most", "length": "exactly"}[match.group("facet")]
        return f"invalid value for {subject}: length {match.group('length')}, {word} {match.group('limit')} required"
    match = re.match(r"^\[facet '(?P<facet>\w+)'\] The value '(?P<value>[^']*)' (?P<rest>.*?)\.?$", detail, re.S)
    if match:
        return f"invalid value {_quoted(match.group('value'))} for {subject}: {match.group('rest')}"
    return None


def _identity_message(element_name: str, detail: str) -> str | None:
    match = re.match(r"^Duplicate key-sequence \[(?P<values>.*)\] in (?:unique|key) identity-constraint "
                     r"'(?P<name>[^']*)'\.?$", detail, re.S)
    if match:
        return (f"duplicate value {match.group('values')} in <{element_name}>: "
                f"must be unique (constraint {match.group('name')})")
    match = re.match(r"^No match found for key-sequence \[(?P<values>.*)\] of keyref '(?P<name>[^']*)'\.?$",
                     detail, re.S)
    if match:
        return (f"<{element_name}> refers to {match.group('values')}, which is not declared "
                f"(reference {match.group('name')})")
    return None


def _element_path(element) -> tuple[str, ...]:
    """("/", "Protocol", ..., name): the element's local names from the document root."""
    names = [local_name(element.tag)]
    names.extend(local_name(ancestor.tag) for ancestor in element.iterancestors())
    return ("/",) + tuple(reversed(names))


def _message(loaded: LoadedSchema, element, element_name: str, attribute: str | None, detail: str) -> str:
    return _message_and_rename(loaded, element, element_name, attribute, detail)[0]


def _message_and_rename(loaded: LoadedSchema, element, element_name: str, attribute: str | None,
                        detail: str) -> tuple[str, str | None]:
    """The finding's message, and for a misspelt element or attribute the name it should have."""
    detail = _strip_namespaces(detail).strip()
    path = _element_path(element) if element is not None else (element_name,)
    if "This element is not expected" in detail:
        allowed = _expected_names(detail)
        parent_name = path[-2] if len(path) > 1 and path[-2] != "/" else ""
        known = allowed or (loaded.allowed_children(path[:-1]) if parent_name else [])
        hint = _suggestion(element_name, known)
        rename = hint.rsplit("<", 1)[-1].rstrip(">?") if hint.startswith("; did you mean <") else None
        return _plain_message(loaded, element, element_name, attribute, detail), rename
    if "is not allowed" in detail and attribute:
        close = _close_name(attribute, loaded.allowed_attributes(path))
        if close:
            return f"attribute '{attribute}' is not allowed on <{element_name}>; did you mean '{close}'?", close
    return _plain_message(loaded, element, element_name, attribute, detail), None


def _plain_message(loaded: LoadedSchema, element, element_name: str, attribute: str | None, detail: str) -> str:
    path = _element_path(element) if element is not None else (element_name,)
    parent_name = path[-2] if len(path) > 1 and path[-2] != "/" else ""
    subject = f"<{element_name}>" + (f" attribute '{attribute}'" if attribute else "")
    if "This element is not expected" in detail:
        allowed = _expected_names(detail)
        where = f" in <{parent_name}>" if parent_name else ""
        known = allowed or (loaded.allowed_children(path[:-1]) if parent_name else [])
        hint = _suggestion(element_name, known)
        if not hint and allowed:
            hint = f"; expected {'one of ' if len(allowed) > 1 else ''}{_names_list(allowed)}"
        return f"unexpected element <{element_name}>{where}{hint}"
    if "Missing child element" in detail:
        allowed = _expected_names(detail)
        present = {local_name(child.tag) for child in element} if element is not None else set()
        required = sorted(loaded.required_children(path) - present)
        if allowed and len(allowed) < LIBXML2_EXPECTED_CAP:  # libxml2 lists at most 10 names
            required = [name for name in required if name in allowed]
        if required:
            names = ", ".join(f"<{name}>" for name in required)
            return f"<{element_name}> is missing the required child element{'s' if len(required) > 1 else ''} {names}"
        expected = f": expected {'one of ' if len(allowed) > 1 else ''}{_names_list(allowed)}" if allowed else ""
        return f"<{element_name}> is missing a required child element{expected}"
    if "is required but missing" in detail:
        match = re.search(r"The attribute '([^']+)' is required", detail)
        name = match.group(1) if match else "?"
        return f"<{element_name}> is missing the required attribute '{name}'"
    if "is not allowed" in detail and attribute:
        return f"attribute '{attribute}' is not allowed on <{element_name}>"
    if "Character content other than whitespace" in detail:
        return f"text is not allowed directly inside <{element_name}> (only child elements)"
    if "No matching global declaration" in detail:
        return f"the schema does not declare <{element_name}> as a root element"
    return _identity_message(element_name, detail) or _value_message(subject, detail) or f"{subject}: {detail}"


def _problems(document, loaded: LoadedSchema, root, mapped: bool, valid: bool, error_log) -> list[SchemaProblem]:
    if valid:
        return []
    resolver = _PathResolver(root)
    originals: dict | None = None
    problems: list[SchemaProblem] = []
    last_by_path: dict[str, SchemaProblem] = {}
    invalid_values: set[str] = set()
    duplicates_seen: set[tuple] = set()
    for entry in error_log:
        match = _ENTRY.match(entry.message or "")
        detail = match.group("detail") if match else (entry.message or "")
        attribute = match.group("attribute") if match else None
        path = getattr(entry, "path", None)
        previous = last_by_path.get(path) if path else None
        if _is_precomputed_noise(detail) or (_is_field_noise(detail) and previous is not None):
            target = previous or (problems[-1] if problems else None)
            if target is not None:
                target.folded += 1
            continue
        keys = _KEY_SEQUENCE.search(detail)
        if keys and "Duplicate key-sequence" in detail:
            signature = (path, keys.group("values"))
            if signature in duplicates_seen:  # the same duplicate under a unique and a key constraint
                if previous is not None:
                    previous.folded += 1
                continue
            duplicates_seen.add(signature)
        if keys and "No match found" in detail:
            values = {value.strip().strip("'") for value in keys.group("values").split(",")}
            if values & invalid_values:  # a reference to a value already reported as invalid
                if problems:
                    problems[-1].folded += 1
                continue
        code = _classify(entry.type_name or "", detail)
        if (code == "XSD003" and previous is not None and previous.code == "XSD003" and attribute
                and previous.attribute == attribute):  # a second facet failing on the same value
            previous.folded += 1
            continue
        if code == "XSD003":
            quoted = _QUOTED_VALUE.search(detail)
            if quoted:
                invalid_values.add(quoted.group("value") or quoted.group("value2") or "")
        element = resolver.find(path)
        if element is not None and mapped:
            if originals is None:  # elements only: the copy may lack entity references
                originals = dict(zip(root.iter(etree.Element), document.root.iter(etree.Element), strict=True))
            element = originals.get(element)
        element_name = local_name(match.group("element")) if match else ""
        message, rename = _message_and_rename(loaded, element, element_name, attribute, detail)
        problem = SchemaProblem(code, entry.line or 1, message, element, attribute, path, rename=rename)
        problems.append(problem)
        if path:
            last_by_path[path] = problem
    return problems


# -- findings ----------------------------------------------------------------------------------
THREAD_THRESHOLD = 256 * 1024  # bytes: below this, validating inline is cheaper than a thread


def _no_findings(rule_findings=()) -> list[Finding]:
    return []


def start_schema_findings(document, settings) -> Callable[..., list[Finding]]:
    """Start validating `document`; returns a function that waits and gives the XSD findings
    (pass it the rules' findings to leave out what they already report).

    libxml2 validates without holding Python's GIL, so on a big file the validation runs in a
    worker thread while the caller runs the rules on the same (read-only) tree.
    """
    loaded = prepare(settings)
    if loaded is None:
        return _no_findings
    root, mapped = _validation_root(document)
    if root is None:
        return _no_findings
    outcome: dict = {}

    def work() -> None:
        try:
            with loaded.lock:
                outcome["valid"] = loaded.schema.validate(root.getroottree())
                outcome["log"] = loaded.schema.error_log
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    thread = None
    if len(document.data) >= THREAD_THRESHOLD:
        thread = threading.Thread(target=work, name="dmlint-schema", daemon=True)
        thread.start()
    else:
        work()

    def finish(rule_findings: list[Finding] = ()) -> list[Finding]:
        """The XSD findings, minus those on an attribute or a value that one of `rule_findings`
        already reports (same line and column): one mistake, one finding, and the rule's says more."""
        if thread is not None:
            if thread.is_alive():
                _ = document.lines  # while waiting anyway: the line index every finding needs
            thread.join()
        try:
            if "error" in outcome:
                raise outcome["error"]
            problems = _problems(document, loaded, root, mapped, outcome["valid"], outcome["log"])
            pairs = _to_findings(document, problems, settings)
        except Exception as exc:  # a failure here must not hide the rules' findings or other files
            return _internal_error(document, settings, exc)
        taken = {(finding.line, finding.column) for finding in rule_findings}
        # A value a rule reports too (an attribute, or an element's text that XSD003 rejects):
        # the rule's finding says more.
        kept = SchemaFindings(finding for finding, problem in pairs
                              if not ((problem.attribute or problem.code == "XSD003")
                                      and (finding.line, finding.column) in taken))
        reported = {id(finding) for finding in kept}
        for finding, problem in pairs:
            if problem.code == "XSD001" and problem.element is not None and id(finding) in reported:
                if problem.attribute is None and "unexpected element" in problem.message:
                    kept.unexpected.append(problem.element)
                if problem.rename:
                    kept.renames.append((problem.element, problem.attribute, problem.rename))
        return kept

    return finish


class SchemaFindings(list):
    """The XSD findings of one file, plus what the engine needs to leave out their follow-ons:
    the elements reported as unexpected, and the misspellings with the name they should have
    ((element, attribute or None, name))."""

    def __init__(self, findings=()):
        super().__init__(findings)
        self.unexpected: list = []
        self.renames: list[tuple] = []


def _internal_error(document, settings, exc: Exception) -> list[Finding]:
    from dmlint.core.findings import FindingMaker

    message = f"schema validation failed on this file: {exc.__class__.__name__}: {exc}"
    return FindingMaker(document.path, settings, document).engine("INT001", 1, 1, message)


def _to_findings(document, problems: list[SchemaProblem], settings) -> list[tuple[Finding, SchemaProblem]]:
    from dmlint.core.findings import FindingMaker

    maker = FindingMaker(document.path, settings, document)
    findings = []
    for problem in problems:
        finding = maker.at(problem.code, problem.line, 1, problem.message, problem.element, problem.attribute)
        if finding is not None:
            findings.append((finding, problem))
    return findings


def prepare(settings) -> LoadedSchema | None:
    """Load (and compile) the run's schema up front, or None when no XSD code will run.

    Raises SchemaLoadError, which the command line reports as a one-line error (exit 2).
    """
    if not getattr(settings, "schema_validation", True):
        return None
    if not any(code in settings.selected for code in XSD_CODES):
        return None
    return load_schema(getattr(settings, "schema", None))


def describe_rewrites(loaded: LoadedSchema) -> list[str]:
    """Lines for `--verbose`: what was rewritten to load the schema, and how long it took."""
    lines = [f"schema {loaded.label}: compiled in {loaded.seconds * 1000:.0f} ms, "
             f"{len(loaded.rewrites)} .NET pattern(s) rewritten to XSD"]
    for rewrite in loaded.rewrites:
        lines.append(f"  {rewrite.file}:{rewrite.line}: {rewrite.original}  ->  {rewrite.rewritten}")
        for note in rewrite.notes:
            lines.append(f"      {note}")
    return lines
