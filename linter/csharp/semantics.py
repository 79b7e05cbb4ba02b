"""What a name in a QAction means, without a compiler: declarations, scopes, types.

One walk over each QAction's syntax tree (`Unit`) collects what the checks and the
resolver need: the type declarations with their members, the `using` directives, every
invocation, object creation, assignment and comment, and every place a variable is
written (assigned, incremented, passed by `ref`/`out`).

Names are resolved the way C# does for the cases protocols use: locals declared earlier
in an enclosing block, parameters of the enclosing method or lambda, members of the
enclosing types (outer types and base types declared in the code too), then types of the
enclosing namespaces and of the namespaces imported by `using`, in the QAction and in the
QActions it references through `dllImport="[ProtocolName].[ProtocolVersion].QAction.<id>.dll"`
(the only QActions its compilation can see). A name declared by a pattern or an `out var`
is opaque: its value is never known. Library types are those of `dotnet.KNOWN_TYPES`,
visible when their namespace is imported; `Parameter` is the QAction helper's class.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dmlint.csharp import dotnet

TYPE_DECLARATIONS = frozenset({"class_declaration", "struct_declaration", "interface_declaration",
                               "record_declaration", "record_struct_declaration", "enum_declaration"})
METHOD_LIKE = frozenset({"method_declaration", "constructor_declaration", "local_function_statement",
                         "destructor_declaration", "operator_declaration", "conversion_operator_declaration"})
LAMBDAS = frozenset({"lambda_expression", "anonymous_method_expression"})
# Declarations whose variables have no value the analysis can know.
OPAQUE_DECLARATIONS = frozenset({"declaration_expression", "declaration_pattern", "recursive_pattern",
                                 "var_pattern", "from_clause", "let_clause", "join_clause", "query_continuation"})
ACCESS_MODIFIERS = ("public", "private", "protected", "internal")


def modifiers_of(node) -> list[str]:
    return [child.text.decode() for child in node.children if child.type == "modifier"]


@dataclass
class Member:
    """A field, constant, property, event or method of a type declared in the code."""

    kind: str  # field, property, method, event
    name: str
    node: object  # variable_declarator (fields), property/method declaration
    type_node: object | None
    modifiers: list[str]
    owner: "TypeDecl"

    @property
    def is_const(self) -> bool:
        return "const" in self.modifiers

    @property
    def is_readonly(self) -> bool:
        return "readonly" in self.modifiers


@dataclass
class TypeDecl:
    """A class, struct, interface, record or enum declared in a QAction."""

    kind: str
    name: str
    node: object
    namespace: str
    outer: "TypeDecl | None"
    unit: "Unit"
    modifiers: list[str]
    members: dict[str, list[Member]] = field(default_factory=dict)
    nested: dict[str, list["TypeDecl"]] = field(default_factory=dict)
    bases: list[object] = field(default_factory=list)  # type nodes of the base list
    enum_members: dict[str, object] = field(default_factory=dict)  # name -> enum_member_declaration

    @property
    def fqn(self) -> str:
        if self.outer is not None:
            return f"{self.outer.fqn}.{self.name}"
        return f"{self.namespace}.{self.name}" if self.namespace else self.name

    @property
    def access(self) -> list[str]:
        return [modifier for modifier in self.modifiers if modifier in ACCESS_MODIFIERS]


@dataclass
class Using:
    namespace_node: object | None  # the namespace declaration holding it (None: the compilation unit)
    target: str  # the namespace (or type, for aliases and using static)
    alias: str | None = None
    static: bool = False


@dataclass(frozen=True)
class Symbol:
    """What a name means at one place."""

    kind: str  # local, parameter, foreach, field, property, method, enum_member, type, external_type,
    #            namespace, helper, notify, opaque, this
    unit: "Unit | None" = None
    node: object = None  # the declarator / parameter / member declaration
    type_node: object = None
    member: Member | None = None
    type_decl: TypeDecl | None = None
    name: str = ""  # external type or namespace full name; helper path joined by '.'
    path: tuple = ()  # helper constant path
    value: object = None  # notify / helper constant value

    @property
    def key(self):
        return (self.kind, id(self.unit), self.node.id if self.node is not None else None, self.name, self.path)


OPAQUE = Symbol("opaque")


class Unit:
    """One QAction's code, walked once."""

    def __init__(self, source, qaction_id: str):
        self.source = source
        self.qaction_id = qaction_id
        self.types: list[TypeDecl] = []
        self.types_by_fqn: dict[str, list[TypeDecl]] = {}
        self.usings: list[Using] = []
        self.invocations: list = []
        self.object_creations: list = []
        self.assignments: list = []
        self.comments: list = []
        self.writes: dict[str, list] = {}  # name written -> the written expressions
        self.imports: list[Unit] = []  # QActions referenced through dllImport
        self._opaque_names: dict[int, frozenset[str]] = {}
        self._walk()

    def text(self, node) -> str:
        return self.source.text(node)

    # -- the walk ------------------------------------------------------------------
    def _walk(self):
        """Collect what the checks need with one tree-sitter query (run in C), then place each
        declaration in its namespace and enclosing type by its few ancestors."""
        captures: dict[str, list] = {}
        for node in sorted(_query().captures(self.source.root).get("node", ()), key=lambda found: found.start_byte):
            captures.setdefault(_CAPTURE_OF.get(node.type, node.type), []).append(node)
        by_start = lambda node: node.start_byte  # noqa: E731
        declarations = captures.get("type", [])
        self._type_by_node: dict[int, TypeDecl] = {}
        for node in declarations:
            if node.type in TYPE_DECLARATIONS:
                outer, namespace = self._context_of(node)
                self._type_by_node[node.id] = self._declare_type(node, outer, namespace)
        for node in sorted(captures.get("using", ()), key=by_start):
            self._declare_using(node, self._namespace_node_of(node))
        for kind in ("field", "event", "member"):
            for node in sorted(captures.get(kind, ()), key=by_start):
                owner = self._owner_of(node)
                if owner is None:
                    continue
                if kind != "member":
                    self._declare_fields(node, owner, kind)
                    continue
                name_node = node.child_by_field_name("name")
                if name_node is not None:
                    member_kind = "property" if node.type == "property_declaration" else "method"
                    type_node = node.child_by_field_name("type" if member_kind == "property" else "returns")
                    self._add_member(owner, Member(member_kind, self.text(name_node), node, type_node,
                                                   modifiers_of(node), owner))
        self.invocations = sorted(captures.get("call", ()), key=by_start)
        self.object_creations = sorted(captures.get("new", ()), key=by_start)
        self.assignments = sorted(captures.get("assign", ()), key=by_start)
        self.comments = sorted(captures.get("comment", ()), key=by_start)
        for node in self.assignments:
            self._write(node.child_by_field_name("left"))
        for node in captures.get("unary", ()):
            operator = node.children[0] if node.type == "prefix_unary_expression" else node.children[-1]
            if operator.type in ("++", "--"):
                self._write(node.named_children[0] if node.named_children else None)
        for node in captures.get("argument", ()):
            first = node.children[0] if node.children else None
            if first is not None and first.type in ("ref", "out"):
                self._write(node.named_children[-1] if node.named_children else None)

    def _context_of(self, node) -> tuple["TypeDecl | None", str]:
        """(the enclosing type, the namespace) of a type declaration."""
        outer = None
        names = []
        current = node.parent
        while current is not None:
            if outer is None and current.type in TYPE_DECLARATIONS:
                outer = self._type_by_node.get(current.id)
            elif current.type in ("namespace_declaration", "file_scoped_namespace_declaration"):
                name_node = current.child_by_field_name("name")
                names.append(self.text(name_node) if name_node is not None else "")
            current = current.parent
        if outer is not None:
            return outer, outer.namespace
        return None, ".".join(reversed(names))

    def _owner_of(self, node) -> "TypeDecl | None":
        current = node.parent
        while current is not None:
            if current.type in TYPE_DECLARATIONS:
                return self._type_by_node.get(current.id)
            if current.type in METHOD_LIKE or current.type in LAMBDAS or current.type == "block":
                return None
            current = current.parent
        return None

    @staticmethod
    def _namespace_node_of(node):
        current = node.parent
        while current is not None:
            if current.type in ("namespace_declaration", "file_scoped_namespace_declaration"):
                return current
            current = current.parent
        return None

    def _declare_type(self, node, outer, namespace) -> TypeDecl:
        name_node = node.child_by_field_name("name")
        name = self.text(name_node) if name_node is not None else ""
        decl = TypeDecl(node.type.replace("_declaration", ""), name, node, namespace, outer, self, modifiers_of(node))
        for child in node.children:
            if child.type == "base_list":
                decl.bases = [base for base in child.named_children if base.type not in ("argument_list",)]
        if node.type == "enum_declaration":
            body = node.child_by_field_name("body")
            for member in (body.named_children if body is not None else []):
                if member.type == "enum_member_declaration":
                    member_name = member.child_by_field_name("name")
                    if member_name is not None:
                        decl.enum_members[self.text(member_name)] = member
        self.types.append(decl)
        self.types_by_fqn.setdefault(decl.fqn, []).append(decl)
        if outer is not None:
            outer.nested.setdefault(name, []).append(decl)
        return decl

    def _declare_fields(self, node, owner, kind):
        modifiers = modifiers_of(node)
        for declaration in node.named_children:
            if declaration.type != "variable_declaration":
                continue
            type_node = declaration.child_by_field_name("type")
            for declarator in declaration.named_children:
                if declarator.type == "variable_declarator":
                    name_node = declarator.child_by_field_name("name")
                    if name_node is not None:
                        self._add_member(owner, Member(kind, self.text(name_node), declarator, type_node,
                                                       modifiers, owner))

    @staticmethod
    def _add_member(owner: TypeDecl, member: Member):
        owner.members.setdefault(member.name, []).append(member)

    def _declare_using(self, node, namespace_node):
        names = [child for child in node.named_children if child.type in ("identifier", "qualified_name",
                                                                          "alias_qualified_name", "generic_name")]
        static = any(child.type == "static" for child in node.children)
        has_alias = any(child.type == "=" for child in node.children)
        if has_alias and len(names) >= 2:
            self.usings.append(Using(namespace_node, self.text(names[-1]), alias=self.text(names[0])))
        elif names:
            self.usings.append(Using(namespace_node, self.text(names[-1]), static=static))

    def _write(self, node):
        if node is None:
            return
        while node.type == "parenthesized_expression" and node.named_children:
            node = node.named_children[0]
        if node.type == "identifier":
            self.writes.setdefault(self.text(node), []).append(node)
        elif node.type == "member_access_expression":
            name = node.child_by_field_name("name")
            if name is not None:
                self.writes.setdefault(self.text(name), []).append(node)

    # -- scopes ----------------------------------------------------------------------
    def opaque_names(self, scope) -> frozenset[str]:
        """Names declared by patterns, `out var` and queries anywhere inside a method or lambda."""
        cached = self._opaque_names.get(scope.id)
        if cached is None:
            names = set()
            stack = [scope]
            while stack:
                node = stack.pop()
                if node.type in OPAQUE_DECLARATIONS or node.type == "single_variable_designation":
                    for child in node.children:
                        if child.type == "identifier":
                            names.add(self.text(child))
                        elif child.type == "single_variable_designation":
                            stack.append(child)
                stack.extend(node.children)
            cached = self._opaque_names[scope.id] = frozenset(names)
        return cached

    def enclosing_type(self, node) -> TypeDecl | None:
        current = node.parent
        while current is not None:
            if current.type in TYPE_DECLARATIONS:
                return self._type_by_node.get(current.id)
            current = current.parent
        return None

    def namespaces_of(self, node) -> list[tuple[str, object | None]]:
        """(namespace name, namespace declaration node) from the innermost to the compilation unit."""
        levels = []
        current = node.parent
        names = []
        nodes = []
        while current is not None:
            if current.type in ("namespace_declaration", "file_scoped_namespace_declaration"):
                name_node = current.child_by_field_name("name")
                names.append(self.text(name_node) if name_node is not None else "")
                nodes.append(current)
            current = current.parent
        # names are innermost first; the full name of level i joins the outer ones.
        for index in range(len(names)):
            full = ".".join(reversed(names[index:]))
            levels.append((full, nodes[index]))
        levels.append(("", None))
        return levels

    def usings_at(self, namespace_node) -> list[Using]:
        wanted = namespace_node.id if namespace_node is not None else None
        return [using for using in self.usings
                if (using.namespace_node.id if using.namespace_node is not None else None) == wanted]


class Program:
    """All QActions of a protocol, the helper's constants and the resolver over them."""

    def __init__(self, units: list[Unit], helper_constants):
        self.units = units
        self._helper = helper_constants  # a callable returning {path: value}, built on first use

    @property
    def helper(self) -> dict[tuple[str, ...], int]:
        if callable(self._helper):
            self._helper = self._helper()
        return self._helper

    # -- visible code -------------------------------------------------------------
    @staticmethod
    def visible_units(unit: Unit) -> list[Unit]:
        return [unit, *unit.imports]

    def user_types(self, unit: Unit, fqn: str) -> list[TypeDecl]:
        found: list[TypeDecl] = []
        for visible in self.visible_units(unit):
            found.extend(visible.types_by_fqn.get(fqn, ()))
        return found

    def user_namespace_exists(self, unit: Unit, prefix: str) -> bool:
        start = prefix + "."
        return any(fqn.startswith(start) for visible in self.visible_units(unit) for fqn in visible.types_by_fqn)

    @staticmethod
    def _external(fqn: str) -> Symbol | None:
        """A library type by full name (the QAction helper's Parameter class included)."""
        namespace, _, name = fqn.rpartition(".")
        if dotnet.KNOWN_TYPES.get(name) == namespace:
            return Symbol("external_type", name=fqn)
        if fqn == f"{dotnet.HELPER_NAMESPACE}.Parameter":
            return Symbol("helper", path=())
        return None

    # -- types by name --------------------------------------------------------------
    def lookup_type(self, unit: Unit, node, name: str) -> Symbol | None:
        """The type a simple name means at `node` (user types first, as C# looks them up)."""
        decl = unit.enclosing_type(node)
        while decl is not None:
            nested = decl.nested.get(name)
            if nested:
                return Symbol("type", decl.unit, nested[0].node, type_decl=nested[0])
            if decl.name == name:
                return Symbol("type", decl.unit, decl.node, type_decl=decl)
            decl = decl.outer
        for namespace, namespace_node in unit.namespaces_of(node):
            fqn = f"{namespace}.{name}" if namespace else name
            declared = self.user_types(unit, fqn)
            if declared:
                return Symbol("type", declared[0].unit, declared[0].node, type_decl=declared[0])
            external = self._external(fqn)
            if external is not None:
                return external
            candidates: dict[str, Symbol] = {}
            for using in unit.usings_at(namespace_node):
                if using.alias is not None:
                    if using.alias == name:
                        return self.lookup_qualified(unit, node, using.target) or Symbol("namespace",
                                                                                         name=using.target)
                    continue
                if using.static:
                    continue
                candidate_fqn = f"{using.target}.{name}"
                declared = self.user_types(unit, candidate_fqn)
                if declared:
                    candidates[candidate_fqn] = Symbol("type", declared[0].unit, declared[0].node,
                                                       type_decl=declared[0])
                elif self._external(candidate_fqn) is not None:
                    candidates[candidate_fqn] = self._external(candidate_fqn)
            if len(candidates) == 1:
                return next(iter(candidates.values()))
            if len(candidates) > 1:
                return None  # ambiguous: the compiler refuses it
        return None

    def lookup_qualified(self, unit: Unit, node, dotted: str) -> Symbol | None:
        """A dotted type name: a user type or a known library type (relative names too)."""
        for namespace, _ in unit.namespaces_of(node) if node is not None else [("", None)]:
            fqn = f"{namespace}.{dotted}" if namespace else dotted
            declared = self.user_types(unit, fqn)
            if declared:
                return Symbol("type", declared[0].unit, declared[0].node, type_decl=declared[0])
            external = self._external(fqn)
            if external is not None:
                return external
        return None

    def type_member(self, decl: TypeDecl, name: str, seen=None) -> Symbol | None:
        """A member of a user type: nested type, enum member, field, property or method."""
        nested = decl.nested.get(name)
        if nested:
            return Symbol("type", nested[0].unit, nested[0].node, type_decl=nested[0])
        if name in decl.enum_members:
            return Symbol("enum_member", decl.unit, decl.enum_members[name], type_decl=decl)
        members = decl.members.get(name)
        if members:
            member = members[0]
            kind = member.kind if member.kind != "event" else "field"
            return Symbol(kind, decl.unit, member.node, member.type_node, member=member, type_decl=decl)
        seen = seen or set()
        seen.add(id(decl))
        for base in decl.bases:
            base_symbol = self.type_symbol(decl.unit, base)
            if base_symbol is not None and base_symbol.kind == "type" and id(base_symbol.type_decl) not in seen:
                found = self.type_member(base_symbol.type_decl, name, seen)
                if found is not None:
                    return found
        return None

    # -- names in code --------------------------------------------------------------
    def lookup(self, unit: Unit, node, name: str) -> Symbol | None:
        """What the simple name `name`, written at `node`, means."""
        text = unit.text
        previous = node
        current = node.parent
        while current is not None:
            kind = current.type
            if kind in ("block", "switch_section", "global_statement", "compilation_unit"):
                found = self._in_statements(unit, current, previous, name)
                if found is not None:
                    return found
            elif kind == "local_declaration_statement" or kind == "variable_declaration":
                for declarator in (current.named_children if kind == "variable_declaration" else []):
                    if declarator.type == "variable_declarator" and declarator.start_byte < previous.start_byte:
                        found = self._declarator(unit, current, declarator, name)
                        if found is not None:
                            return found
            elif kind == "for_statement":
                for child in current.named_children:
                    if child.type == "variable_declaration" and child.start_byte < previous.start_byte:
                        for declarator in child.named_children:
                            found = self._declarator(unit, child, declarator, name)
                            if found is not None:
                                return found
            elif kind == "foreach_statement":
                left = current.child_by_field_name("left")
                if left is not None and left.type == "identifier" and text(left) == name:
                    return Symbol("foreach", unit, left, current.child_by_field_name("type"))
                if left is not None and left.type != "identifier" and name in self._identifiers(unit, left):
                    return OPAQUE
            elif kind in ("using_statement", "fixed_statement"):
                for child in current.named_children:
                    if child.type == "variable_declaration":
                        for declarator in child.named_children:
                            found = self._declarator(unit, child, declarator, name)
                            if found is not None:
                                return found
            elif kind == "catch_clause":
                for child in current.named_children:
                    if child.type == "catch_declaration":
                        name_node = child.child_by_field_name("name")
                        if name_node is not None and text(name_node) == name:
                            return OPAQUE
            elif kind in METHOD_LIKE or kind in LAMBDAS:
                found = self._parameter(unit, current, name)
                if found is not None:
                    return found
                if name in unit.opaque_names(current):
                    return OPAQUE
                if kind == "local_function_statement":
                    name_node = current.child_by_field_name("name")
                    if name_node is not None and text(name_node) == name:
                        return Symbol("method", unit, current)
            elif kind == "accessor_declaration" and name == "value":
                return Symbol("parameter", unit, current)
            elif kind in TYPE_DECLARATIONS:
                decl = unit._type_by_node.get(current.id)
                if decl is not None:
                    found = self.type_member(decl, name)
                    if found is not None:
                        return found
                    if decl.name == name:
                        return Symbol("type", unit, decl.node, type_decl=decl)
            previous = current
            current = current.parent
        return (self.lookup_type(unit, node, name) or self._using_static(unit, node, name)
                or self._namespace_or_helper(unit, node, name))

    def _using_static(self, unit: Unit, node, name: str) -> Symbol | None:
        """A member of a type imported with `using static`."""
        for _, namespace_node in unit.namespaces_of(node):
            for using in unit.usings_at(namespace_node):
                if not using.static:
                    continue
                target = self.lookup_qualified(unit, None, using.target)
                if target is not None and target.kind == "type":
                    found = self.type_member(target.type_decl, name)
                    if found is not None:
                        return found
                elif target is not None and target.kind == "helper":
                    path = (name,)
                    if path in self.helper:
                        return Symbol("helper", path=path, value=self.helper[path])
        return None

    def _namespace_or_helper(self, unit: Unit, node, name: str) -> Symbol | None:
        if name == "Parameter" and self._helper_visible(unit, node):
            return Symbol("helper", path=())
        if name in ("System", "Skyline") or self.user_namespace_exists(unit, name):
            return Symbol("namespace", name=name)
        return None

    @staticmethod
    def _helper_visible(unit: Unit, node) -> bool:
        for namespace, namespace_node in unit.namespaces_of(node):
            if namespace == dotnet.HELPER_NAMESPACE or namespace.startswith(dotnet.HELPER_NAMESPACE + "."):
                return True
            if any(using.target == dotnet.HELPER_NAMESPACE and using.alias is None and not using.static
                   for using in unit.usings_at(namespace_node)):
                return True
        return False

    def _identifiers(self, unit, node) -> set[str]:
        found = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "identifier":
                found.add(unit.text(current))
            stack.extend(current.children)
        return found

    def _in_statements(self, unit, block, previous, name) -> Symbol | None:
        for statement in block.named_children:
            if statement.start_byte >= previous.start_byte:
                break
            if statement.type == "local_declaration_statement":
                for declaration in statement.named_children:
                    if declaration.type == "variable_declaration":
                        for declarator in declaration.named_children:
                            found = self._declarator(unit, declaration, declarator, name)
                            if found is not None:
                                return found
            elif statement.type == "local_function_statement":
                name_node = statement.child_by_field_name("name")
                if name_node is not None and unit.text(name_node) == name:
                    return Symbol("method", unit, statement)
        return None

    @staticmethod
    def _declarator(unit, declaration, declarator, name) -> Symbol | None:
        if declarator.type != "variable_declarator":
            return None
        name_node = declarator.child_by_field_name("name")
        if name_node is None or unit.text(name_node) != name:
            return None
        statement = declaration.parent
        modifiers = modifiers_of(statement) if statement is not None else []
        if statement is not None and statement.type == "local_declaration_statement":
            modifiers += [child.type for child in statement.children if child.type in ("const", "using")]
        member = Member("local", name, declarator, declaration.child_by_field_name("type"), modifiers, None)
        return Symbol("local", unit, declarator, declaration.child_by_field_name("type"), member=member)

    @staticmethod
    def _parameter(unit, scope, name) -> Symbol | None:
        parameters = scope.child_by_field_name("parameters")
        if parameters is None:
            for child in scope.children:
                if child.type in ("parameter_list", "implicit_parameter"):
                    parameters = child
                    break
        if parameters is None:
            return None
        if parameters.type == "implicit_parameter" or parameters.type == "identifier":
            return Symbol("parameter", unit, parameters) if unit.text(parameters) == name else None
        for parameter in parameters.named_children:
            if parameter.type != "parameter":
                continue
            name_node = parameter.child_by_field_name("name")
            if name_node is not None and unit.text(name_node) == name:
                return Symbol("parameter", unit, parameter, parameter.child_by_field_name("type"))
        return None

    # -- expressions as names ---------------------------------------------------------
    def symbol_of(self, unit: Unit, node) -> Symbol | None:
        """The symbol an identifier or member access names (None: not a name, or unknown)."""
        kind = node.type
        if kind == "identifier":
            return self.lookup(unit, node, unit.text(node))
        if kind == "this":
            decl = unit.enclosing_type(node)
            return Symbol("this", unit, decl.node if decl else None, type_decl=decl) if decl else None
        if kind == "predefined_type":
            dotnet_type = dotnet.PREDEFINED.get(unit.text(node))
            return Symbol("external_type", name=dotnet_type) if dotnet_type else None
        if kind == "qualified_name":
            return self.lookup_qualified(unit, node, unit.text(node).replace(" ", ""))
        if kind != "member_access_expression":
            return None
        left = node.child_by_field_name("expression")
        name_node = node.child_by_field_name("name")
        if left is None or name_node is None or name_node.type != "identifier":
            return None
        name = unit.text(name_node)
        base = self.symbol_of(unit, left)
        if base is None:
            return None
        if base.kind == "namespace":
            dotted = f"{base.name}.{name}"
            declared = self.user_types(unit, dotted)
            if declared:
                return Symbol("type", declared[0].unit, declared[0].node, type_decl=declared[0])
            external = self._external(dotted)
            if external is not None:
                return external
            return Symbol("namespace", name=dotted)
        if base.kind == "helper":
            path = (*base.path, name)
            constants = self.helper
            if path in constants:
                return Symbol("helper", path=path, value=constants[path])
            return Symbol("helper", path=path) if any(key[:len(path)] == path for key in constants) else None
        if base.kind == "type":
            return self.type_member(base.type_decl, name)
        if base.kind == "external_type":
            if base.name == dotnet.NOTIFY_TYPE_FQN:
                value = dotnet.NOTIFY_TYPE.get(name)
                return Symbol("notify", name=name, value=value) if value is not None else None
            member_type = dotnet.STATIC_MEMBER_TYPES.get((base.name, name))
            return Symbol("external_member", name=f"{base.name}.{name}", value=member_type) if member_type else None
        # An instance: a member of its type.
        base_type = self.type_of(unit, left)
        if base_type is None:
            return None
        decl = self.type_decl(unit, base_type)
        if decl is not None:
            return self.type_member(decl, name)
        member_type = dotnet.INSTANCE_MEMBER_TYPES.get((base_type, name))
        return Symbol("external_member", name=f"{base_type}.{name}", value=member_type) if member_type else None

    def type_decl(self, unit: Unit, fqn: str) -> TypeDecl | None:
        declared = self.user_types(unit, fqn)
        if declared:
            return declared[0]
        for other in self.units:
            if fqn in other.types_by_fqn:
                return other.types_by_fqn[fqn][0]
        return None

    # -- types --------------------------------------------------------------------------
    def type_symbol(self, unit: Unit, type_node) -> Symbol | None:
        """The type a type node names."""
        if type_node is None:
            return None
        kind = type_node.type
        if kind == "predefined_type":
            dotnet_type = dotnet.PREDEFINED.get(unit.text(type_node))
            return Symbol("external_type", name=dotnet_type) if dotnet_type else None
        if kind == "identifier":
            return self.lookup_type(unit, type_node, unit.text(type_node))
        if kind == "qualified_name":
            return self.lookup_qualified(unit, type_node, unit.text(type_node).replace(" ", ""))
        return None

    def type_name(self, unit: Unit, type_node) -> str | None:
        """The full name of the type a type node names ('System.DateTime', 'System.String[]', ...)."""
        if type_node is None:
            return None
        kind = type_node.type
        if kind == "array_type":
            element = self.type_name(unit, type_node.child_by_field_name("type"))
            return f"{element}[]" if element else None
        if kind == "nullable_type":
            inner = self.type_name(unit, type_node.child_by_field_name("type") or
                                   (type_node.named_children[0] if type_node.named_children else None))
            return f"{inner}?" if inner else None
        symbol = self.type_symbol(unit, type_node)
        if symbol is None:
            return None
        if symbol.kind == "type":
            return symbol.type_decl.fqn
        if symbol.kind == "external_type":
            return symbol.name
        return None

    def declared_type(self, unit: Unit, symbol: Symbol) -> str | None:
        """The declared type of a variable, parameter, field or property ('var': its initializer's)."""
        if symbol.kind in ("local", "field", "property", "parameter", "foreach"):
            type_node = symbol.type_node
            if type_node is not None and type_node.type == "implicit_type":
                if symbol.kind == "local":
                    initializer = initializer_of(symbol.node)
                    return self.type_of(symbol.unit, initializer) if initializer is not None else None
                return None
            return self.type_name(symbol.unit, type_node)
        if symbol.kind == "external_member":
            return symbol.value
        if symbol.kind == "enum_member":
            return symbol.type_decl.fqn
        if symbol.kind == "this":
            return symbol.type_decl.fqn if symbol.type_decl else None
        return None

    def type_of(self, unit: Unit, node, depth: int = 0) -> str | None:
        """The static type of an expression, when the checks can know it."""
        if node is None or depth > 20:
            return None
        kind = node.type
        if kind in ("string_literal", "verbatim_string_literal", "raw_string_literal",
                    "interpolated_string_expression"):
            return "System.String"
        if kind == "integer_literal":
            from dmlint.csharp.values import literal

            value = literal(unit, node)
            return dotnet.PREDEFINED.get(value.kind) if value is not None else None
        if kind == "real_literal":
            text = unit.text(node).lower()
            if text.endswith("f"):
                return "System.Single"
            return "System.Decimal" if text.endswith("m") else "System.Double"
        if kind == "boolean_literal":
            return "System.Boolean"
        if kind == "character_literal":
            return "System.Char"
        if kind == "typeof_expression":
            return "System.Type"
        if kind == "parenthesized_expression":
            return self.type_of(unit, node.named_children[0], depth + 1) if node.named_children else None
        if kind == "cast_expression":
            return self.type_name(unit, node.child_by_field_name("type"))
        if kind in ("object_creation_expression",):
            return self.type_name(unit, node.child_by_field_name("type"))
        if kind in ("array_creation_expression",):
            return self.type_name(unit, node.child_by_field_name("type"))
        if kind in ("identifier", "member_access_expression", "this"):
            symbol = self.symbol_of(unit, node)
            if symbol is None:
                return None
            return self.declared_type(unit, symbol)
        if kind == "binary_expression":
            operator = node.child_by_field_name("operator")
            if operator is not None and operator.type == "+":
                left = self.type_of(unit, node.child_by_field_name("left"), depth + 1)
                right = self.type_of(unit, node.child_by_field_name("right"), depth + 1)
                if "System.String" in (left, right):
                    return "System.String"
            return None
        if kind == "conditional_expression":
            consequence = self.type_of(unit, node.child_by_field_name("consequence"), depth + 1)
            alternative = self.type_of(unit, node.child_by_field_name("alternative"), depth + 1)
            return consequence if consequence is not None and consequence == alternative else None
        if kind == "invocation_expression":
            function = node.child_by_field_name("function")
            if function is not None and function.type in ("identifier", "member_access_expression"):
                target = self.symbol_of(unit, function)
                if target is not None and target.kind == "method":
                    returns = target.node.child_by_field_name("returns") if target.node is not None else None
                    return self.type_name(target.unit, returns)
            if function is None or function.type != "member_access_expression":
                return None
            method = function.child_by_field_name("name")
            method_name = unit.text(method) if method is not None else ""
            receiver = function.child_by_field_name("expression")
            receiver_symbol = self.symbol_of(unit, receiver) if receiver is not None else None
            if receiver_symbol is not None and receiver_symbol.kind == "external_type":
                return dotnet.STATIC_METHOD_TYPES.get((receiver_symbol.name, method_name))
            if receiver_symbol is not None and receiver_symbol.kind == "type":
                return None
            if method_name in dotnet.INSTANCE_METHOD_TYPES:
                return dotnet.INSTANCE_METHOD_TYPES[method_name]
            if method_name in dotnet.DATETIME_METHODS and self.type_of(unit, receiver, depth + 1) == "System.DateTime":
                return "System.DateTime"
            return None
        return None

    # -- writes ---------------------------------------------------------------------------
    def writes_of(self, unit: Unit, symbol: Symbol) -> list:
        """The expressions that write the variable a symbol names (in every visible QAction)."""
        if symbol.node is None:
            return []
        name_node = symbol.node.child_by_field_name("name")
        name = unit.text(name_node) if name_node is not None else None
        if name is None:
            return []
        found = []
        units = [symbol.unit] if symbol.kind == "local" else self.units
        for other in units:
            for written in other.writes.get(name, ()):
                target = self.symbol_of(other, written)
                if target is None or target.kind == "opaque" or (
                        target.key == symbol.key):
                    found.append((other, written))
        return found


_QUERY = None
# The node types the walk collects, and the list each goes to. One pattern with alternatives:
# tree-sitter compiles it in a fraction of the time of one pattern per type.
_CAPTURE_OF = {
    "class_declaration": "type", "struct_declaration": "type", "interface_declaration": "type",
    "record_declaration": "type", "enum_declaration": "type", "using_directive": "using",
    "field_declaration": "field", "event_field_declaration": "event", "property_declaration": "member",
    "method_declaration": "member", "invocation_expression": "call", "object_creation_expression": "new",
    "assignment_expression": "assign", "prefix_unary_expression": "unary", "postfix_unary_expression": "unary",
    "argument": "argument", "comment": "comment",
}
_QUERY_TEXT = "[" + " ".join(f"({node_type})" for node_type in _CAPTURE_OF) + "] @node"


def _query():
    """The one query of the declarations walk (compiled on first use)."""
    global _QUERY
    if _QUERY is None:
        import tree_sitter
        import tree_sitter_c_sharp

        query = tree_sitter.Query(tree_sitter.Language(tree_sitter_c_sharp.language()), _QUERY_TEXT)
        _QUERY = tree_sitter.QueryCursor(query)
    return _QUERY


def initializer_of(declarator):
    """The initial value expression of a variable declarator, or None."""
    seen_equals = False
    for child in declarator.children:
        if child.type == "=":
            seen_equals = True
        elif seen_equals and child.is_named:
            return child
    return None
