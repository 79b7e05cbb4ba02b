"""The model: everything the rules look up about one protocol, built once per file.

    ProtocolModel(document)      -- `build_model(document)`
      .params / .param(id)        parameters by canonical id (params.py)
      .connections                Connections/Connection (connections.py)
      .sessions / .session(id)    HTTP sessions (http.py), .handshakes()
      .section(kind)              any id-keyed section: group, pair, command, ... (sections.py)
      .runs                       what runs before and after commands and responses (runs.py)
      .references / .all_references   every reference site's tokens (references.py, walk.py)
      .reference_verdicts         reference problems by the rule that reports them
      .tables, .columns           ids of tables (Type array) and of their columns
      .all_tables / .table(id)    tables, their columns, keys, naming and options (tables.py)
      .table_of(column)           the table a column belongs to; .tables_of_column(column)
      .param_by_key(id)           a parameter as the official tools look it up (duplicateAs ids too)
      .table_of_column_key(id)    the table of a column named by its own or a duplicateAs id (tables.py)
      .relations                  Relations/Relation and the tables of their path (tables.py)
      .tree_controls              TreeControls/TreeControl, their hierarchy and column lists (trees.py)
      .tree_control_issues        what is wrong with them, by kind (trees.py; the TREE rules)
      .export_rules               ExportRules/ExportRule elements
      .write_param_of(param), .params_by_name, .relation_pairs
      .param_types, .classic_connections, .connection_types, ...
      .pages, .page_order         the display's pages and Display@pageOrder (display.py)
      .conditions / .condition_issues   every flow Condition, parsed once (conditions.py)
      .triggers, .actions, .timers      the execution flow read as DataMiner does (flow.py)
      .flow_graph                       who runs whom, and its loops (flow_graph.py)
      .csharp                     the QActions' C# (dmlint.csharp, imported on first use)

The primary indexes are filled by `build_model`: direct child paths for the sections
and one filtered pass over the tree for the references (walk.py). Everything else is
a `cached_property`: computed on first use, from those indexes, never by walking the
tree again. That is the one caching style; a new section gets a module here, a row in
`sections.SECTIONS` or a cached property below, and rules only ever look things up.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from lxml import etree

from dmlint.core.ids import normalize_id, sort_key
from dmlint.core.parser import Document
from dmlint.model import compliancies as _compliancies
from dmlint.model import conditions as _conditions
from dmlint.model import connections as _connections
from dmlint.model import display as _display
from dmlint.model import flow as _flow
from dmlint.model import tables as _tables
from dmlint.model import trees as _trees
from dmlint.model.connections import ClassicConnection, Connection
from dmlint.model.elements import child, children, element_children, is_true, local_name, options_of, path, text_of
from dmlint.model.http import Handshake, Session, SessionConnection
from dmlint.model.params import Param, ParamIndex, ParamType, param_types
from dmlint.model.references import Reference, Verdict, judge
from dmlint.model.reserved import is_reserved_name
from dmlint.model.sections import SECTIONS, SectionIndex
from dmlint.model.tables import Column, ColumnOption, Table
from dmlint.model.walk import collect

__all__ = [
    "ClassicConnection", "Column", "ColumnOption", "Connection", "Handshake", "Param", "ParamType", "ProtocolModel",
    "Reference", "Session", "SessionConnection", "Table", "Verdict", "build_model", "child", "children",
    "element_children", "is_true", "local_name", "options_of", "path", "text_of",
]


_ELEMENTS = etree.Element  # the tag filter of `iterchildren` for elements (no comments, no PIs)
_LOCAL_NAMES: dict[str, str] = {}  # qualified tag -> local name


class ProtocolModel:
    def __init__(self, document: Document):
        self.document = document
        root = document.root
        self.params: dict[str, list[Param]] = {}
        self.connections: list[Connection] = []
        self.sessions: dict[str, list[Session]] = {}
        self.all_sessions: list[Session] = []
        # Tokens naming a parameter (table, column), by canonical id; and every token at every site.
        self.references: dict[str, list[Reference]] = defaultdict(list)
        self.all_references: list[Reference] = []
        self._sections: dict[str, SectionIndex] = {}
        self.schema_path: str | None = None  # the user's XSD (--schema), set by the engine
        self.expected_provider: str | None = None  # the `expected-provider` setting, set by the engine
        self._kids: dict = {}  # element -> {local name: [child elements]}, filled on first use
        self._measurement_kinds: dict = {}  # Param element -> its Measurement/Type text, on first use
        self._discreets: dict = {}  # Param element -> its Measurement/Discreets/Discreet elements

        params_block = child(root, "Params")
        self.has_params_block = params_block is not None
        self.param_index = ParamIndex(params_block)
        self.param_index.first = self.first
        for element in children(params_block, "Param"):
            param_id = normalize_id(element.get("id"))
            if param_id is not None:
                self.params.setdefault(param_id, []).append(Param(element, param_id, self.param_index))

        for position, element in enumerate(children(child(root, "Connections"), "Connection")):
            http = child(element, "Http")
            self.connections.append(
                Connection(element, position, element.get("id"), http, child(http, "CommunicationOptions")))

        http_block = child(root, "HTTP")
        self.has_http_block = http_block is not None
        for element in children(http_block, "Session"):
            session = Session(element, normalize_id(element.get("id")))
            self.all_sessions.append(session)
            if session.id is not None:
                self.sessions.setdefault(session.id, []).append(session)

    @property
    def root(self):
        return self.document.root

    # -- lookups -------------------------------------------------------------
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

    def section(self, kind: str) -> SectionIndex:
        """An id-keyed section (`sections.SECTIONS`): its elements in order and by id."""
        index = self._sections.get(kind)
        if index is None:
            index = self._sections[kind] = SectionIndex(SECTIONS[kind], self.root)
        return index

    def kids(self, element) -> dict:
        """An element's child elements by local name (document order), indexed once: the
        parameter checks ask each Param for many children, and one pass is cheaper than many."""
        found = self._kids.get(element)
        if found is None:
            found = {}
            names = _LOCAL_NAMES
            for item in element.iterchildren(_ELEMENTS):  # elements only, selected in C
                tag = item.tag
                name = names.get(tag)
                if name is None:
                    if len(names) > 4096:  # a long-running server meets many tag names
                        names.clear()
                    name = names[tag] = tag.rpartition("}")[2]
                same = found.get(name)
                if same is None:
                    found[name] = [item]
                else:
                    same.append(item)
            self._kids[element] = found
        return found

    def first(self, element, name: str):
        """The first child element with this local name, or None (like `elements.child`)."""
        if element is None:
            return None
        index = self._kids.get(element)  # inlined `kids`: these run millions of times on big protocols
        found = (index if index is not None else self.kids(element)).get(name)
        return found[0] if found else None

    def all(self, element, name: str) -> list:
        """The child elements with this local name (like `elements.children`)."""
        if element is None:
            return []
        index = self._kids.get(element)
        return (index if index is not None else self.kids(element)).get(name, [])

    def follow(self, element, *names: str):
        """Follow child local names (like `elements.path`); None as soon as one is missing."""
        if element is None:
            return None
        known = self._kids
        for name in names:
            index = known.get(element)
            found = (index if index is not None else self.kids(element)).get(name)
            if not found:
                return None
            element = found[0]
        return element

    def measurement_kind(self, param_element) -> str | None:
        """`Measurement/Type` of a parameter, trimmed (None when absent): how it is drawn, which
        a dozen rules ask of every parameter, so it is read once per parameter."""
        kinds = self._measurement_kinds
        kind = kinds.get(param_element, kinds)  # kinds itself: not read yet (None is an answer)
        if kind is kinds:
            kind = kinds[param_element] = text_of(self.follow(param_element, "Measurement", "Type"))
        return kind

    def discreets(self, param_element) -> list:
        """The `Measurement/Discreets/Discreet` elements of a parameter ([] when none), listed
        once: the discreet rules all ask."""
        found = self._discreets.get(param_element)
        if found is None:
            found = self._discreets[param_element] = self.all(
                self.follow(param_element, "Measurement", "Discreets"), "Discreet")
        return found

    def type_of(self, param_element):
        """The first `Type` child of a `Params/Param` element (from the pass's index)."""
        types = self.param_index.types
        if types is not None:
            return types.get(param_element)
        return child(param_element, "Type")

    def references_to(self, param_id: str) -> list[Reference]:
        return self.references.get(param_id, [])

    def connection_exists(self, number: str) -> bool:
        """Whether a connection number (canonical digits, from Group@connection or `dynamic ip N`)
        names a connection: by position (counted from 0), or by a declared `Connection@id` (the
        WebSocket documentation numbers its single connection 1). Any length is fine."""
        if sort_key(number) < sort_key(str(len(self.connection_types))):
            return True
        return any(connection.id == number for connection in self.connections)

    # -- the handshake ---------------------------------------------------------
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

    # -- derived indexes (computed once, on first use) -------------------------
    @cached_property
    def all_params(self) -> list:
        """Every `Protocol/Params/Param` element in document order (also those without a valid id)."""
        return children(child(self.root, "Params"), "Param")

    @cached_property
    def param_types(self) -> list[ParamType]:
        """Every parameter with a valid id, with its Type, in document order of ids."""
        return param_types(self.params)

    @cached_property
    def tables(self) -> set[str]:
        """Ids of the parameters of type array (tables)."""
        return {entry.pid for entry in self.param_types if entry.kind.lower() == "array"}

    @cached_property
    def all_tables(self) -> list[Table]:
        """Every table (a parameter with a valid id and an ArrayOptions, or of Type array), in
        document order, with its columns in both syntaxes (tables.py)."""
        return _tables.build_tables(self)

    @cached_property
    def _tables_by_id(self) -> dict[str, Table]:
        found: dict[str, Table] = {}
        for table in self.all_tables:
            found.setdefault(table.pid, table)
        return found

    def table(self, raw_id: str | None) -> Table | None:
        """The table a (possibly untrimmed) id names: the first parameter of that id, when it is a table."""
        normalized = normalize_id(raw_id)
        return None if normalized is None else self._tables_by_id.get(normalized)

    @cached_property
    def _tables_by_column(self) -> dict[str, list[Table]]:
        return _tables.tables_by_column(self.all_tables)

    def tables_of_column(self, raw_id: str | None) -> list[Table]:
        """The tables listing an existing parameter as a column (Type@id or ColumnOption@pid)."""
        normalized = normalize_id(raw_id)
        return self._tables_by_column.get(normalized, []) if normalized is not None else []

    def table_of(self, raw_id: str | None) -> Table | None:
        """The (first) table a column belongs to, or None."""
        found = self.tables_of_column(raw_id)
        return found[0] if found else None

    @cached_property
    def columns(self) -> set[str]:
        """Ids named as columns of a table (Type@id of an array, ColumnOption@pid), existing or not."""
        found = set()
        for table in self.all_tables:
            for token in table.type_id_tokens:
                normalized = normalize_id(token)
                if normalized is not None:
                    found.add(normalized)
            for option in table.column_options:
                if option.pid is not None:
                    found.add(option.pid)
        return found

    @cached_property
    def _params_by_key(self) -> dict[str, Param]:
        return _tables.params_by_key(self)

    def param_by_key(self, key: str | None) -> Param | None:
        """The parameter an id names as the official validator looks it up: the exact canonical id
        ('10', not ' 10' or '010'), or one of the ids of a Param@duplicateAs (a view table's column)."""
        return None if key is None else self._params_by_key.get(key)

    @cached_property
    def _tables_by_column_key(self) -> dict[str, Table]:
        return _tables.tables_by_column_key(self.all_tables)

    def table_of_column_key(self, key: str | None) -> Table | None:
        """The first table with a column written as this pid (canonical digits) that names an
        existing parameter, by its own id or a duplicateAs id (a view table's column)."""
        return None if key is None else self._tables_by_column_key.get(key)

    @cached_property
    def relations(self) -> list[_tables.Relation]:
        """Every Relations/Relation, its path split on ';' and looked up (tables.relations)."""
        return _tables.relations(self)

    @cached_property
    def tree_controls(self) -> list[_trees.TreeControl]:
        """Every TreeControls/TreeControl, in document order (trees.py)."""
        return _trees.tree_controls(self)

    @cached_property
    def tree_control_issues(self) -> dict[str, list[_trees.TreeIssue]]:
        """Every problem of the tree controls, by kind (trees.tree_control_issues): the TREE rules."""
        return _trees.tree_control_issues(self)

    @cached_property
    def export_rules(self) -> list:
        """Every `Protocol/ExportRules/ExportRule` element, in document order."""
        return children(child(self.root, "ExportRules"), "ExportRule")

    @cached_property
    def relation_pairs(self) -> set[tuple[str, str]]:
        """(table id, table id) of every two neighbours in a Relations/Relation@path, both ways,
        as written (tables.relation_pairs)."""
        return _tables.relation_pairs(self.root)

    @cached_property
    def params_by_name(self) -> dict[str, list[Param]]:
        """Parameters by their (trimmed) Name."""
        return _tables.params_by_name(self)

    def write_param_of(self, param: Param) -> Param | None:
        """The write parameter paired with a read one (same Name and Description), or None."""
        return _tables.write_param_of(self, param)

    @cached_property
    def response_ids(self) -> set[str]:
        """Ids of `Protocol/Responses/Response` elements."""
        return set(self.section("response").by_id)

    @cached_property
    def runs(self):
        """Triggers, actions and the QActions timers run, for the pair, command, response and
        QAction checks (runs.Runs)."""
        from dmlint.model.runs import Runs

        return Runs(self)

    @cached_property
    def protocol_type(self):
        """The `Protocol/Type` element, or None."""
        return child(self.root, "Type")

    @cached_property
    def has_connections_syntax(self) -> bool:
        return child(self.root, "Connections") is not None

    @cached_property
    def classic_connections(self) -> list[ClassicConnection]:
        """The connections of the `Protocol/Type` syntax, main first."""
        return _connections.classic_connections(self)

    @cached_property
    def classic_counts(self) -> tuple[int, int]:
        """(connection types, PortSettings) declared in the `Protocol/Type` syntax."""
        return _connections.classic_counts(self)

    @cached_property
    def checked_connection_count(self) -> int:
        """How many connections of the `Protocol/Type` syntax the name checks look at (connections.py)."""
        return _connections.checked_connection_count(self)

    @cached_property
    def misnamed_connections(self) -> list:
        """(connection, expected name) for the connections whose name breaks the convention."""
        return _connections.misnamed_connections(self)

    @cached_property
    def connection_types(self) -> list[str | None]:
        """Type of every connection, whichever syntax declares them (lower-case, None if unknown)."""
        return _connections.connection_types(self)

    @cached_property
    def csharp(self):
        """The C# of the QActions (`dmlint.csharp.CSharpModel`), built from `section("qaction")`.
        Imported here, on first use, so that only the QA rules load tree-sitter."""
        from dmlint.csharp import CSharpModel

        return CSharpModel(self)

    @cached_property
    def display(self):
        """The `Protocol/Display` element, or None."""
        return child(self.root, "Display")

    @cached_property
    def pages(self) -> dict:
        """The protocol's pages by name, from the displayed parameters' positions (display.py)."""
        return _display.pages(self)

    @cached_property
    def page_order(self) -> list | None:
        """The entries of `Display@pageOrder`, or None when it is absent or blank (display.py)."""
        return _display.page_order(self)

    @cached_property
    def minimum_required_version(self):
        """`Protocol/Compliancies/MinimumRequiredVersion`, or None."""
        return path(self.root, "Compliancies", "MinimumRequiredVersion")

    @cached_property
    def version_features(self) -> list:
        """(feature, elements) for the features that need a recent DataMiner version (compliancies.py)."""
        return _compliancies.version_features(self)

    @cached_property
    def triggers(self) -> list[_flow.Trigger]:
        """Every `Triggers/Trigger`, in document order (flow.py)."""
        return [_flow.Trigger(element) for element in self.section("trigger").items]

    @cached_property
    def actions(self) -> list[_flow.Action]:
        """Every `Actions/Action`, in document order (flow.py)."""
        return [_flow.Action(element) for element in self.section("action").items]

    @cached_property
    def timers(self) -> list[_flow.Timer]:
        """Every `Timers/Timer`, in document order (flow.py)."""
        return [_flow.Timer(element) for element in self.section("timer").items]

    @cached_property
    def trigger_on_issues(self) -> dict:
        """Trigger element -> (kind, value) of what is wrong with its On@id (flow.trigger_on_issue)."""
        found = {}
        for trigger in self.triggers:
            if trigger.id is not None:
                issue = _flow.trigger_on_issue(self, trigger)
                if issue is not None:
                    found[trigger.element] = issue
        return found

    @cached_property
    def trigger_content_issues(self) -> dict:
        """Trigger element -> [(element, kind, target)] of its Content/Id (flow.trigger_content_issues)."""
        found = {}
        for trigger in self.triggers:
            if trigger.id is not None:
                issues = _flow.trigger_content_issues(self, trigger)
                if issues:
                    found[trigger.element] = issues
        return found

    @cached_property
    def action_on_issues(self) -> dict:
        """Action element -> what is wrong with its On@id (flow.action_on_issues), for valid actions."""
        found = {}
        for action in self.actions:
            if action.id is not None:
                issues = _flow.action_on_issues(self, action)
                if issues:
                    found[action.element] = issues
        return found

    @cached_property
    def triggers_running(self) -> dict:
        """Action id -> the triggers that run it (flow.triggers_running)."""
        return _flow.triggers_running(self)

    @cached_property
    def qaction_trigger_params(self) -> set[str]:
        """Ids of the parameters a QAction (with a valid id, not options="group") triggers on."""
        return _flow.qaction_trigger_params(self)

    @cached_property
    def timer_option_problems(self) -> dict:
        """Timer element -> what is wrong with its options (flow.timer_option_problems), valid timers."""
        found = {}
        for timer in self.timers:
            if timer.id is not None:
                problems = _flow.timer_option_problems(self, timer)
                if problems:
                    found[timer.element] = problems
        return found

    @cached_property
    def _timer_groups(self) -> tuple[dict, dict]:
        issues, lasts = {}, {}
        for timer in self.timers:
            if timer.id is not None:
                found, last = _flow.timer_group_issues(self, timer)
                if found:
                    issues[timer.element] = found
                if last is not None:
                    lasts[timer.element] = last
        return issues, lasts

    @property
    def timer_group_issues(self) -> dict:
        """Timer element -> [(Content/Group element, kind, detail)] (flow.timer_group_issues)."""
        return self._timer_groups[0]

    @property
    def timer_last_groups(self) -> dict:
        """Timer element -> (its last Content/Group, type) when a polling timer ends with an action or
        trigger group."""
        return self._timer_groups[1]

    @cached_property
    def flow_graph(self):
        """Who runs whom: triggers, actions, groups, parameters, pairs, ... (flow_graph.FlowGraph)."""
        from dmlint.model.flow_graph import FlowGraph

        return FlowGraph(self)

    @cached_property
    def conditions(self) -> list[_conditions.ConditionSite]:
        """The Condition of every Action, Group, Pair, QAction, Timer and Trigger (conditions.py)."""
        return _conditions.condition_sites(self)

    @cached_property
    def condition_issues(self) -> dict[str, list[_conditions.ConditionIssue]]:
        """Every condition problem by kind: empty, invalid, missing, simplifiable (conditions.py)."""
        return _conditions.condition_issues(self)

    @cached_property
    def reference_verdicts(self) -> dict[str, list[Verdict]]:
        """Every reference problem of the file, by the rule that reports it (references.judge)."""
        return judge(self)

    # -- parameter facts of the official Params checks (params-a) ------------------
    @cached_property
    def links(self):
        """Read/write pairs and tables/columns as the official model links them (links.py)."""
        from dmlint.model.links import Links

        return Links(self)

    @cached_property
    def rtdisplay(self):
        """Which parameters must have Display/RTDisplay true, and why (rtdisplay.py)."""
        from dmlint.model.rtdisplay import RTDisplay

        return RTDisplay(self)

    @cached_property
    def is_spectrum(self) -> bool:
        """A spectrum analyzer protocol (`Display@type="spectrum analyzer"`)."""
        display = child(self.root, "Display")
        return display is not None and (display.get("type") or "").strip() == "spectrum analyzer"

    @cached_property
    def is_mediation(self) -> bool:
        """A mediation protocol (`Protocol/BaseFor` is set)."""
        return bool(text_of(child(self.root, "BaseFor")))

    @cached_property
    def protocol_type_text(self) -> str:
        """`Protocol/Type`, trimmed ('' when absent)."""
        return text_of(self.protocol_type) or ""

    @cached_property
    def numbered_connections(self) -> list[tuple[int, str | None]]:
        """(number, type) of every connection as the official validator numbers them."""
        return _connections.numbered_connections(self)

    @cached_property
    def units(self):
        """DataMiner's units (units.py), from the uom.xsd of the user's schema; None without one."""
        if not self.schema_path:
            return None
        from dmlint.model.units import load_units

        return load_units(self.schema_path)

    @cached_property
    def description_units(self) -> frozenset[str] | None:
        """Units whose spelling descriptions keep, for title casing (None without the unit list)."""
        return self.units.in_descriptions if self.units is not None else None

    @staticmethod
    def is_restricted_name(name: str | None) -> bool:
        """A parameter name DataMiner keeps for its own parameters (reserved.py)."""
        return is_reserved_name(name)


def build_model(document: Document) -> ProtocolModel:
    model = ProtocolModel(document)
    collect(model, model.param_index)
    return model
