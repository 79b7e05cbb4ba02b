"""The official validator's QAction C# checks, one function per official check.

Each function takes the protocol's `CSharpModel` and returns `Result`s carrying the
official code of each top-level result (sub-results in `related`). The rules in
`rules/qactions_csharp/` report the results whose codes the catalogue gives them; a
check shared by several rules runs once per file (`CSharpModel.results`).

Like the official checks, these only look at QActions that compile (here: C# with a valid
id, code, and no syntax error), and report nothing they cannot resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dmlint.csharp import dotnet
from dmlint.csharp.values import Value

CHECKS: dict[str, object] = {}


def check(code: str):
    def register(function):
        CHECKS[code] = function
        return function
    return register


@dataclass
class Result:
    code: str
    qaction: object  # csharp.QAction
    message: str
    node: object = None  # where in the code (None: the QAction element)
    related: list = field(default_factory=list)  # [(node or None, note)]


# -- calls ---------------------------------------------------------------------------------


@dataclass
class Call:
    node: object
    name: str | None
    receiver: object | None
    arguments: list


def calls(unit):
    """Every invocation as the official analysis reads it: `receiver.Name(arguments)` or `Name(...)`."""
    for node in unit.invocations:
        function = node.child_by_field_name("function")
        argument_list = node.child_by_field_name("arguments")
        arguments = [child for child in argument_list.named_children if child.type == "argument"] \
            if argument_list is not None else []
        name, receiver = None, None
        if function is not None and function.type == "member_access_expression":
            name_node = function.child_by_field_name("name")
            if name_node is not None:
                if name_node.type == "generic_name":
                    name_node = name_node.named_children[0] if name_node.named_children else None
                name = unit.text(name_node) if name_node is not None else None
            receiver = function.child_by_field_name("expression")
        elif function is not None and function.type == "identifier":
            name = unit.text(function)
        yield Call(node, name, receiver, arguments)


class Context:
    """What one check needs about one QAction."""

    def __init__(self, csharp, qaction):
        self.csharp = csharp
        self.qaction = qaction
        self.unit = qaction.unit
        self.program = csharp.program
        self.evaluator = csharp.evaluator
        self.facts = csharp.facts

    def value(self, node) -> Value | None:
        return self.evaluator.value(self.unit, node)

    def receiver_type(self, node) -> str | None:
        if node is None:
            return None
        symbol = self.program.symbol_of(self.unit, node)
        if symbol is not None and symbol.kind == "external_type":
            return symbol.name
        if symbol is not None and symbol.kind == "type":
            return symbol.type_decl.fqn
        return self.program.type_of(self.unit, node)

    def type_of(self, node) -> str | None:
        if node is not None and node.type == "argument":
            node = node.named_children[-1] if node.named_children else None
        return self.program.type_of(self.unit, node) if node is not None else None

    def is_slprotocol(self, call: Call) -> bool:
        return call.receiver is not None and self.receiver_type(call.receiver) in dotnet.SLPROTOCOL_TYPES

    def notify_type(self, call: Call, method: str) -> int | None:
        """The first argument of a 3-argument protocol.NotifyProtocol/NotifyDataMiner(Queued) call."""
        names = ("NotifyDataMiner", "NotifyDataMinerQueued") if method == "NotifyDataMiner" else (method,)
        if call.name not in names or len(call.arguments) != 3 or not self.is_slprotocol(call):
            return None
        value = self.value(call.arguments[0])
        if value is None or not value.numeric or not value.static:
            return None
        return value.as_int32

    def result(self, code, message, node=None, related=()) -> Result:
        return Result(code, self.qaction, message, node, list(related))


def each(csharp):
    """A Context per QAction the checks look at (the ones that compile)."""
    for qaction in csharp.compiled:
        yield Context(csharp, qaction)


def is_internal(pid: int) -> bool:
    """DataMiner's own parameter ranges: they need not be in the protocol and may be hard-coded."""
    return 64300 <= pid <= 69999 or 100000 <= pid <= 999999


# -- 3.4 compilation (syntax errors only) -----------------------------------------------------


@check("3.4")
def compilation(csharp):
    results = []
    for qaction in csharp.qactions:
        errors = qaction.source.syntax_errors
        if not errors:
            continue
        first = errors[0]
        related = [(error.offset, error.message) for error in errors]
        results.append(Result("3.4.1", qaction, f"QAction {qaction.id} does not compile: {first.message} "
                                                f"({len(errors)} syntax error{'s' if len(errors) > 1 else ''})",
                               first.offset, related))
    return results


# -- 3.12 entry points -----------------------------------------------------------------------------


def _access(modifiers) -> str:
    return " ".join(modifier for modifier in modifiers if modifier in ("public", "private", "protected", "internal"))


@check("3.12")
def entry_points(csharp):
    results = []
    for context in each(csharp):
        qaction, unit = context.qaction, context.unit
        if qaction.element.get("triggers") is None:
            continue
        wanted: dict[str, tuple[str, str]] = {}
        classes: list[str] = []
        raw = qaction.element.get("entryPoint")
        points = raw.split(";") if raw is not None and raw.strip() else [None]
        for point in points:
            if point is None:
                class_name, method_name = "QAction", "Run"
            elif "." in point:
                class_name, _, method_name = point.rpartition(".")
            else:
                class_name, method_name = "QAction", point
            wanted[f"{class_name}.{method_name}"] = (class_name, method_name)
            if class_name not in classes:
                classes.append(class_name)
        not_public_classes, not_public_methods, bad_arguments = [], [], []
        for decl in unit.types:
            if decl.kind != "class":
                continue
            if decl.name in classes and "public" not in decl.modifiers:
                not_public_classes.append(decl)
            for members in decl.members.values():
                for member in members:
                    if member.kind != "method":
                        continue
                    key = f"{decl.name}.{member.name}"
                    if key not in wanted:
                        continue
                    del wanted[key]
                    if "public" not in member.modifiers:
                        not_public_methods.append((decl, member))
                    parameters = member.node.child_by_field_name("parameters")
                    first = next((p for p in parameters.named_children if p.type == "parameter"), None) \
                        if parameters is not None else None
                    first_type = context.program.type_name(unit, first.child_by_field_name("type")) \
                        if first is not None else None
                    if first is None or first_type not in dotnet.SLPROTOCOL_TYPES:
                        bad_arguments.append((decl, member, first))
        for class_name, method_name in wanted.values():
            results.append(context.result("3.12.1", f"QAction {qaction.id} has no method {method_name} in a class "
                                                    f"{class_name}, the entry point DataMiner calls"))
        for decl in not_public_classes:
            access = _access(decl.modifiers) or "no access modifier (internal)"
            results.append(context.result("3.12.3", f"Class {decl.name} of QAction {qaction.id} holds an entry point "
                                                    f"but is {access}, not public", decl.node))
        for decl, member in not_public_methods:
            access = _access(member.modifiers) or "no access modifier (private)"
            results.append(context.result("3.12.2", f"Entry point {decl.name}.{member.name} of QAction {qaction.id} "
                                                    f"is {access}, not public", member.node))
        for decl, member, first in bad_arguments:
            if first is None:
                message = f"Entry point {decl.name}.{member.name} of QAction {qaction.id} takes no SLProtocol argument"
                where = member.node
            else:
                written = unit.text(first.child_by_field_name("type")) if first.child_by_field_name("type") else "?"
                message = (f"The first argument of entry point {decl.name}.{member.name} of QAction {qaction.id} "
                           f"is a {written}, not SLProtocol or SLProtocolExt")
                where = first
            results.append(context.result("3.12.4", message, where))
    return results


# -- 3.13 DCFv1 ------------------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@check("3.13")
def dcfv1(csharp):
    results = []
    for context in each(csharp):
        qaction, unit = context.qaction, context.unit
        message = f"QAction {qaction.id} still uses the obsolete DCFv1 preprocessor symbol"
        for directive in qaction.source.directives:
            name = directive.argument.split()[0] if directive.argument.split() else ""
            if directive.kind == "define" and directive.active and name.lower() == "dcfv1":
                results.append(context.result("3.13.1", message, directive.offset))
            elif (directive.kind == "if" and _IDENTIFIER.match(directive.argument)
                  and directive.argument.lower() == "dcfv1"):
                results.append(context.result("3.13.1", message, directive.offset))
            if directive.comment and "DCFv1" in directive.comment:
                results.append(context.result("3.13.1", f"A comment in QAction {qaction.id} still mentions "
                                                        f"the obsolete DCFv1 preprocessor symbol",
                                              directive.comment_offset))
        for comment in unit.comments:
            text = unit.text(comment)
            if text.startswith("//"):
                if text.startswith("///") and not text.startswith("////"):
                    continue  # a documentation comment
                lines = [text.lstrip("/")]
            elif text.startswith("/*"):
                if text.startswith("/**") and not text.startswith("/**/"):
                    continue
                lines = text[2:-2].strip().splitlines()
            else:
                continue
            for line in lines:
                if line.strip() and "DCFv1" in line:
                    results.append(context.result("3.13.1", f"A comment in QAction {qaction.id} still mentions "
                                                            f"the obsolete DCFv1 preprocessor symbol", comment))
    return results


# -- 3.15 unrecommended methods ---------------------------------------------------------------------

_NOTIFY_PROTOCOL_UNRECOMMENDED = {
    195: ("3.15.19", "NT_ARRAY_ROW_COUNT (195)", "GetRowCount"),
    134: ("3.15.9", "NT_CHECK_TRIGGER (134)", "CheckTrigger"),
    60: ("3.15.10", "NT_GET_DATA (60)", "GetData"),
    77: ("3.15.15", "NT_GET_DESCRIPTION (77)", "GetDescription"),
    88: ("3.15.17", "NT_GET_ITEM_DATA (88)", "GetItemData"),
    163: ("3.15.11", "NT_GET_KEY_POSITION (163)", "GetKeyPosition"),
    73: ("3.15.12", "NT_GET_PARAMETER (73)", "GetParameter"),
    87: ("3.15.13", "NT_GET_PARAMETER_BY_DATA (87)", "GetParameterByData"),
    85: ("3.15.14", "NT_GET_PARAMETER_BY_NAME (85)", "GetParameterByName"),
    122: ("3.15.16", "NT_GET_PARAMETER_INDEX (122)", "GetParameterIndexByKey"),
    215: ("3.15.18", "NT_GET_ROW (215)", "GetRow"),
    123: ("3.15.20", "NT_NOTIFY_DISPLAY (123)", "NotifyDisplay"),
    131: ("3.15.24", "NT_SET_DESCRIPTION (131)", "SetDescription"),
    89: ("3.15.25", "NT_SET_ITEM_DATA (89)", "SetItemData"),
    86: ("3.15.22", "NT_SET_PARAMETER_BY_DATA (86)", "SetParameterByData"),
    84: ("3.15.23", "NT_SET_PARAMETER_BY_NAME (84)", "SetParameterByName"),
    256: ("3.15.21", "NT_SET_PARAMETER_WITH_HISTORY (256)", "SetParameter with a time stamp"),
    225: ("3.15.26", "NT_SET_ROW (225)", "SetRow"),
    149: ("3.15.8", "NT_ADD_ROW (149)", "AddRow"),
    156: ("3.15.7", "NT_DELETE_ROW (156)", "DeleteRow"),
}
_NOTIFY_DATAMINER_UNRECOMMENDED = {
    216: ("3.15.5", "NT_GET_REMOTE_TREND (216)"),
    260: ("3.15.6", "NT_GET_REMOTE_TREND_AVG (260)"),
}
_INDEX_METHODS = {"SetParameterIndex": "3.15.3", "GetParameterIndex": "3.15.2"}


@check("3.15")
def unrecommended_methods(csharp):
    results = []
    for context in each(csharp):
        qaction = context.qaction
        for call in calls(context.unit):
            if call.name == "Abort" and not call.arguments and \
                    context.receiver_type(call.receiver) == "System.Threading.Thread":
                results.append(context.result("3.15.1", f"QAction {qaction.id} calls Thread.Abort(), which can "
                                                        f"leave DataMiner's state corrupt", call.node))
                continue
            if call.name in _INDEX_METHODS and call.arguments and context.is_slprotocol(call):
                if _names_non_matrix(context, context.value(call.arguments[0])):
                    results.append(context.result(_INDEX_METHODS[call.name],
                                                  f"QAction {qaction.id} calls {call.name} on a parameter that is "
                                                  f"not a matrix: use the table methods", call.node))
                continue
            if call.name == "SetParametersIndex" and call.arguments and context.is_slprotocol(call):
                value = context.value(call.arguments[0])
                if value is not None and value.kind == "array" and value.static and \
                        any(_names_non_matrix(context, item) for item in value.items):
                    results.append(context.result("3.15.4", f"QAction {qaction.id} calls SetParametersIndex on "
                                                            f"parameters that are not matrices", call.node))
                continue
            notify = context.notify_type(call, "NotifyProtocol")
            if notify in _NOTIFY_PROTOCOL_UNRECOMMENDED:
                code, label, method = _NOTIFY_PROTOCOL_UNRECOMMENDED[notify]
                results.append(context.result(code, f"QAction {qaction.id} calls NotifyProtocol {label}: use "
                                                    f"SLProtocol's {method} instead", call.node))
                continue
            notify = context.notify_type(call, "NotifyDataMiner")
            if notify in _NOTIFY_DATAMINER_UNRECOMMENDED:
                code, label = _NOTIFY_DATAMINER_UNRECOMMENDED[notify]
                results.append(context.result(code, f"QAction {qaction.id} calls NotifyDataMiner {label}, which is "
                                                    f"no longer recommended (use the trend data requests)",
                                              call.node))
    return results


def _names_non_matrix(context, value) -> bool:
    if value is None or not value.numeric or not value.static:
        return False
    param = context.facts.param(_canonical(value))
    return param is not None and not context.facts.is_matrix(param)


def _canonical(value: Value) -> str:
    """Convert.ToString of a numeric value (the official lookup key)."""
    from dmlint.csharp.values import to_text

    return to_text(value) or ""


# -- 3.16-3.30 remote calls without agent ------------------------------------------------------

# NT number -> (official code, name, minimum items of the array argument, the item that must be a number)
_DATAMINER_ARRAY_CHECKS = {
    115: ("3.16.1", "NT_SET_ELEMENT_STATE", 4, 3),
    116: ("3.17.1", "NT_SET_ALARM_STATE", 3, 2),
    117: ("3.19.1", "NT_ASSIGN_ALARM_TEMPLATE", 2, 0),
    14: ("3.22.1", "NT_TRENDING_ASSIGN_TEMPLATE", 2, 0),
    127: ("3.23.1", "NT_UPDATE_DESCRIPTION_XML", 2, 0),
    76: ("3.24.1", "NT_ASSIGN_SIMULATION", 2, 0),
    69: ("3.25.1", "NT_GET_VALUE", 2, 0),
    48: ("3.26.1", "NT_GET_ALARM_INFO", 2, 0),
    144: ("3.27.1", "NT_GET_ELEMENT_NAME", 2, 0),
}
_PROTOCOL_ARRAY_CHECKS = {
    292: ("3.29.1", "NT_SNMP_SET", 8, 7),
    295: ("3.30.1", "NT_SNMP_GET", 8, 7),
}


def _agentless(context, call, name, message_tail="does not give the DataMiner Agent id it needs"):
    return context.result(None, f"QAction {context.qaction.id} calls {name} with arguments that {message_tail}, "
                                f"so it fails in a DataMiner System with more than one agent", call)


def _array_check(context, code, name, value, minimum, position):
    """The array argument must have `minimum` items and a number at `position` (when known)."""
    if value.kind != "array":
        return _with_code(_agentless(context, value.node, name, "are not an array of ids"), code)
    if len(value.items) < minimum:
        return _with_code(_agentless(context, value.node, name,
                                     f"have {len(value.items)} item{'s' if len(value.items) != 1 else ''} "
                                     f"instead of at least {minimum} (the agent id is missing)"), code)
    item = value.items[position]
    if item is not None and not item.numeric:
        return _with_code(_agentless(context, value.node, name, f"have no number at position {position + 1} "
                                                                 f"(the DataMiner Agent id)"), code)
    return None


def _with_code(result, code):
    result.code = code
    return result


@check("3.16")
@check("3.17")
@check("3.18")
@check("3.19")
@check("3.20")
@check("3.21")
@check("3.22")
@check("3.23")
@check("3.24")
@check("3.25")
@check("3.26")
@check("3.27")
@check("3.28")
@check("3.29")
@check("3.30")
def remote_calls(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            dataminer = context.notify_type(call, "NotifyDataMiner")
            protocol = context.notify_type(call, "NotifyProtocol") if dataminer is None else None
            if dataminer is None and protocol is None:
                continue
            number = dataminer if dataminer is not None else protocol
            table = _DATAMINER_ARRAY_CHECKS if dataminer is not None else _PROTOCOL_ARRAY_CHECKS
            known = number in table or (dataminer is not None and number in (73, 62, 128, 232))
            if not known:
                continue
            value = context.value(call.arguments[1])
            if value is None or not value.static:
                continue
            found = None
            if number in table:
                code, name, minimum, position = table[number]
                found = _array_check(context, code, f"NotifyDataMiner {name} ({number})" if dataminer is not None
                                     else f"NotifyProtocol {name} ({number})", value, minimum, position)
            elif number == 73:
                name = "NotifyDataMiner NT_GET_PARAMETER (73)"
                if value.numeric:
                    found = _with_code(_agentless(context, value.node, name, "name a local parameter (use "
                                                                       "SLProtocol.GetParameter for those)"), "3.18.1")
                else:
                    found = _array_check(context, "3.18.1", name, value, 3, 0)
            elif number == 62:
                found = _edit_property(context, call, value)
            elif number == 128:
                name = "NotifyDataMiner NT_UPDATE_PORTS_XML (128)"
                if value.kind == "string":
                    parts = str(value.obj).split(";")
                    if len(parts) < 4 or not _is_uint(parts[3]):
                        found = _with_code(_agentless(context, value.node, name,
                                                      "have no DataMiner Agent id as the fourth ';' part"), "3.20.1")
                elif value.kind != "array":
                    found = _with_code(_agentless(context, value.node, name, "are neither a string nor an array"),
                                       "3.20.1")
            elif number == 232:
                name = "NotifyDataMiner NT_SERVICE_SET_VDX (232)"
                if value.kind != "string":
                    found = _with_code(_agentless(context, value.node, name, "are not a 'agent/service' string"),
                                       "3.28.1")
                else:
                    parts = str(value.obj).split("/")
                    if len(parts) != 2 or not _is_uint(parts[0]):
                        found = _with_code(_agentless(context, value.node, name,
                                                      "do not start with the DataMiner Agent id ('agent/service')"),
                                           "3.28.1")
            if isinstance(found, list):
                results.extend(found)
            elif found is not None:
                results.append(found)
    return results


def _edit_property(context, call, value):
    name = "NotifyDataMiner NT_EDIT_PROPERTY (62)"
    if value.kind == "string":
        edits = [value]
    elif value.kind == "array":
        edits = value.items
    else:
        return _with_code(_agentless(context, call.node, name, "are neither a string nor an array of strings"),
                          "3.21.1")
    found = []
    for edit in edits:
        from dmlint.csharp.values import to_text

        text = to_text(edit) if edit is not None else ""
        parts = (text or "").split(":")
        expected = {"ELEMENT": 3, "SERVICE": 3, "ALARM": 4}.get(parts[0].upper())
        if expected is not None and len(parts) != expected:
            found.append(_with_code(_agentless(context, edit.node, name,
                                               f"do not give the agent id of the {parts[0].lower()} "
                                               f"('{parts[0].upper()}:agent:...')"), "3.21.1"))
    return found


def _is_uint(text: str) -> bool:
    """UInt32.TryParse: surrounding white space and a '+' sign allowed."""
    candidate = text.strip()
    if not candidate:
        return False
    if candidate.startswith("+"):
        candidate = candidate[1:]
    return candidate.isascii() and candidate.isdigit() and int(candidate) <= 2**32 - 1


# -- 3.36 XmlSerializer -----------------------------------------------------------------------------


@check("3.36")
def xml_serializer(csharp):
    results = []
    for context in each(csharp):
        unit = context.unit
        for node in unit.object_creations:
            type_node = node.child_by_field_name("type")
            if type_node is None or type_node.type != "identifier" or unit.text(type_node) != "XmlSerializer":
                continue
            if context.program.type_name(unit, type_node) != "System.Xml.Serialization.XmlSerializer":
                continue
            argument_list = node.child_by_field_name("arguments")
            arguments = [child for child in argument_list.named_children if child.type == "argument"] \
                if argument_list is not None else []
            types = [context.type_of(argument) for argument in arguments]
            if len(arguments) in (1, 2):
                if None in types and not (types[0] is not None and types[0] != "System.Type"):
                    continue  # cannot tell which constructor it is
                if types[0] == "System.Type" and (len(types) == 1 or types[1] == "System.String"):
                    continue
            shown = ", ".join((name or "?").rpartition(".")[2] for name in types)
            results.append(context.result("3.36.1", f"QAction {context.qaction.id} creates an XmlSerializer({shown}): "
                                                    f"that constructor generates a new assembly each time (a memory "
                                                    f"leak); use XmlSerializer(Type) or XmlSerializer(Type, String)",
                                          node))
    return results


# -- 3.37 culture property sets ----------------------------------------------------------------------


@check("3.37")
def culture_sets(csharp):
    results = []
    for context in each(csharp):
        unit = context.unit
        for node in unit.assignments:
            left = node.child_by_field_name("left")
            if left is None or left.type != "member_access_expression":
                continue
            name_node = left.child_by_field_name("name")
            member = unit.text(name_node) if name_node is not None and name_node.type == "identifier" else None
            receiver = left.child_by_field_name("expression")
            receiver_type = context.receiver_type(receiver)
            if receiver_type == "System.Globalization.CultureInfo" and member == "DefaultThreadCurrentCulture":
                results.append(context.result("3.37.1", f"QAction {context.qaction.id} sets "
                                                        f"CultureInfo.DefaultThreadCurrentCulture, which changes the "
                                                        f"culture of every thread of the SLScripting process", node))
                continue
            if receiver_type != "System.Threading.Thread" or member not in ("CurrentCulture", "CurrentUICulture"):
                continue
            property_path = _property_path(unit, receiver)
            symbol = context.program.symbol_of(unit, receiver) if receiver.type == "identifier" else None
            if symbol is not None and symbol.kind == "local":
                from dmlint.csharp.semantics import initializer_of

                initializer = initializer_of(symbol.node)
                if initializer is not None and initializer.type == "member_access_expression":
                    property_path = unit.text(initializer).replace(" ", "")
            if property_path not in ("Thread.CurrentThread", "System.Threading.Thread.CurrentThread"):
                continue
            code = "3.37.2" if member == "CurrentCulture" else "3.37.3"
            results.append(context.result(code, f"QAction {context.qaction.id} sets Thread.CurrentThread.{member}: "
                                                f"the thread belongs to SLScripting and runs other QActions too",
                                          node))
    return results


def _property_path(unit, node) -> str | None:
    parts = []
    while node is not None and node.type == "member_access_expression":
        name = node.child_by_field_name("name")
        if name is None or name.type != "identifier":
            return None
        parts.append(unit.text(name))
        node = node.child_by_field_name("expression")
    if node is None or node.type != "identifier":
        return None
    parts.append(unit.text(node))
    return ".".join(reversed(parts))


# -- 3.41 finalizers --------------------------------------------------------------------------------


@check("3.41")
def finalizers(csharp):
    results = []
    for context in each(csharp):
        for decl in context.unit.types:
            if decl.kind != "class":
                continue
            body = decl.node.child_by_field_name("body")
            destructors = [child for child in (body.named_children if body is not None else [])
                           if child.type == "destructor_declaration"]
            if destructors:
                results.append(context.result("3.41.1", f"Class {decl.name} of QAction {context.qaction.id} has a "
                                                        f"finalizer (~{decl.name}): use IDisposable instead",
                                              destructors[-1]))
    return results


# -- parameters of SLProtocol calls --------------------------------------------------------------------


def _pid_value(context, argument):
    """The parameter id an argument names, or None (not resolved, not numeric, may change, internal)."""
    value = context.value(argument)
    if value is None or not value.numeric or not value.static:
        return None, None
    pid = value.as_int32
    if is_internal(pid):
        return None, None
    return value, pid


def _is_datetime(context, argument) -> bool:
    return context.type_of(argument) == "System.DateTime"


def _history_columns(context, table, value_node, code, call_node):
    """The results for the non-key columns of a table without historySet."""
    results = []
    facts = context.facts
    index = facts.index(table)
    for column in facts.columns(table):
        if column.idx is None or column.idx == index or not column.pid or column.param is None:
            continue
        if facts.history_set(column.param):
            continue
        results.append(context.result(code, f"QAction {context.qaction.id} sets table {table.get('id')} with a "
                                            f"time stamp, but its column {column.param.get('id')} has no "
                                            f"historySet=\"true\"", call_node))
    return results


def _existence_and_hard_coding(context, call, value, pid, missing_code, hard_code, what, exempt_non_read_write):
    results = []
    param = context.facts.param(pid)
    if param is None:
        results.append(context.result(missing_code, f"QAction {context.qaction.id} calls {call.name} on {what} {pid}, "
                                                    f"which is not in the protocol", value.node))
    if not value.helper:
        if not (exempt_non_read_write and param is not None
                and not context.facts.is_read(param) and not context.facts.is_write(param)):
            results.append(context.result(hard_code, f"QAction {context.qaction.id} calls {call.name} with {what} id "
                                                     f"{pid} written as a number: use the Parameter class",
                                          value.node))
    return results, param


@check("3.6")
def get_parameter(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "GetParameter" or not call.arguments or not context.is_slprotocol(call):
                continue
            value, pid = _pid_value(context, call.arguments[0])
            if value is None:
                continue
            found, _ = _existence_and_hard_coding(context, call, value, pid, "3.6.1", "3.6.2", "parameter", True)
            results.extend(found)
    return results


@check("3.7")
def set_parameter(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "SetParameter" or not call.arguments or not context.is_slprotocol(call):
                continue
            value, pid = _pid_value(context, call.arguments[0])
            if value is None:
                continue
            found, param = _existence_and_hard_coding(context, call, value, pid, "3.7.1", "3.7.2", "parameter", False)
            results.extend(found)
            if param is None or len(call.arguments) < 3 or not _is_datetime(context, call.arguments[2]):
                continue
            if not context.facts.history_set(param):
                results.append(context.result("3.7.3", f"QAction {context.qaction.id} sets parameter {pid} with a time "
                                                       f"stamp, but it has no historySet=\"true\"", call.node))
    return results


@check("3.8")
def set_row(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "SetRow" or not call.arguments or not context.is_slprotocol(call):
                continue
            value, pid = _pid_value(context, call.arguments[0])
            if value is None:
                continue
            found, table = _existence_and_hard_coding(context, call, value, pid, "3.8.1", "3.8.2", "table", False)
            results.extend(found)
            if table is None or not context.facts.is_table(table):
                continue
            if len(call.arguments) >= 4 and _is_datetime(context, call.arguments[3]):
                results.extend(_history_columns(context, table, value.node, "3.8.3", value.node))
    return results


@check("3.9")
def fill_array(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "FillArray" or not call.arguments or not context.is_slprotocol(call):
                continue
            value, pid = _pid_value(context, call.arguments[0])
            if value is None:
                continue
            found, table = _existence_and_hard_coding(context, call, value, pid, "3.9.1", "3.9.3", "table", False)
            results.extend(found)
            if table is None or not context.facts.is_table(table):
                continue
            if len(call.arguments) >= 3 and _is_datetime(context, call.arguments[2]):
                results.extend(_history_columns(context, table, value.node, "3.9.2", call.node))
            if len(call.arguments) >= 4 and _is_datetime(context, call.arguments[3]):
                results.extend(_history_columns(context, table, value.node, "3.9.2", call.node))
    return results


@check("3.10")
def fill_array_no_delete(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "FillArrayNoDelete" or not call.arguments or not context.is_slprotocol(call):
                continue
            value, pid = _pid_value(context, call.arguments[0])
            if value is None:
                continue
            found, table = _existence_and_hard_coding(context, call, value, pid, "3.10.1", "3.10.3", "table", False)
            results.extend(found)
            if table is None:
                continue
            if len(call.arguments) >= 3 and _is_datetime(context, call.arguments[2]):
                results.extend(_history_columns(context, table, value.node, "3.10.2", call.node))
    return results


@check("3.33")
def get_parameters(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "GetParameters" or len(call.arguments) != 1 or not context.is_slprotocol(call):
                continue
            value = context.value(call.arguments[0])
            if value is None or value.kind == "unknown":
                continue
            if value.kind != "array" or value.item_kind != "uint":
                results.append(context.result("3.33.4", f"QAction {context.qaction.id} calls GetParameters with "
                                                        f"{value.type_name or 'a value'}: the ids must be a uint[]",
                                              value.node))
                continue
            if value.argument:
                continue
            sub = []
            for item in value.items:
                if item is None or not item.static:
                    continue
                pid = item.as_int32
                if is_internal(pid):
                    continue
                param = context.facts.param(pid)
                if param is None:
                    sub.append(context.result("3.33.2", f"QAction {context.qaction.id} calls GetParameters on "
                                                        f"parameter {pid}, which is not in the protocol", item.node))
                if item.helper:
                    continue
                if param is not None and not context.facts.is_read(param) and not context.facts.is_write(param):
                    continue
                sub.append(context.result("3.33.3", f"QAction {context.qaction.id} calls GetParameters with parameter "
                                                    f"id {pid} written as a number: use the Parameter class",
                                          item.node))
            results.extend(_grouped(context, "3.33.1", call, sub, lambda subs: len(subs) > 1))
    return results


def _grouped(context, code, call, sub, group):
    """The sub-results as they are, or one result holding them (as the official check groups them)."""
    if not group(sub):
        return sub
    arguments = ", ".join(context.unit.text(argument) for argument in call.arguments)
    notes = [(result.node, f"{result.code}: {result.message}") for result in sub]
    return [context.result(code, f"QAction {context.qaction.id}: {call.name}({arguments}) has "
                                 f"{len(sub)} problems: " + "; ".join(_short(result) for result in sub),
                           call.node, notes)]


def _short(result) -> str:
    message = result.message
    prefix = f"QAction {result.qaction.id} calls "
    return message[len(prefix):] if message.startswith(prefix) else message


# -- 3.3 triggers and 3.5 actions -------------------------------------------------------------------


@check("3.3")
def check_trigger(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if call.name != "CheckTrigger" or len(call.arguments) != 1 or not context.is_slprotocol(call):
                continue
            value = context.value(call.arguments[0])
            if value is None or not value.numeric or not value.static:
                continue
            key = _canonical(value)
            if context.csharp.model.section("trigger").get(key) is None:
                results.append(context.result("3.3.1", f"QAction {context.qaction.id} calls CheckTrigger({key}), but "
                                                       f"the protocol has no trigger {key}", value.node))
    return results


@check("3.5")
def trigger_action(csharp):
    results = []
    for context in each(csharp):
        for call in calls(context.unit):
            if context.notify_type(call, "NotifyProtocol") != 221:
                continue
            value = context.value(call.arguments[1])
            if value is None or not value.numeric or not value.static:
                continue
            key = _canonical(value)
            if context.csharp.model.section("action").get(key) is None:
                results.append(context.result("3.5.1", f"QAction {context.qaction.id} runs action {key} "
                                                       f"(NT_RUN_ACTION), but the protocol has no action {key}",
                                              value.node))
    return results


# -- 3.11 FillArrayWithColumn and 3.34 NotifyProtocol(220) -------------------------------------------


def _table_can_be_set(facts, table) -> bool:
    options = facts.column_options(table)
    if not options:
        return False
    return not any((option.get("type") or "").strip().lower() == "viewtablekey" for option in options)


def _column_settable(context, column, table, call_node, codes) -> list[Result]:
    """The results saying a column may not be set from a QAction (managed by DataMiner or a timer)."""
    managed_by_dataminer, managed_by_item, snmp = codes
    facts = context.facts
    qaction_id = context.qaction.id
    column_id = column.get("id")
    found = []
    table = table if table is not None else facts.table_of(column)
    option = facts.column_option(table, column) if table is not None and facts.column_options(table) else None
    column_type = (option.get("type") or "").strip() if option is not None else ""
    if option is None or column_type.lower() not in ("custom", "retrieved", "snmp"):
        shown = f"of type '{column_type}'" if column_type else "without a settable ColumnOption type"
        found.append(context.result(managed_by_dataminer, f"QAction {qaction_id} sets column {column_id}, which is "
                                                          f"{shown}: DataMiner fills that column itself", call_node))
    if option is not None and column_type.lower() == "snmp":
        found.append(context.result(snmp, f"QAction {qaction_id} sets column {column_id}, which is polled over SNMP: "
                                          f"a set from a QAction is overwritten by the next poll", call_node))
    if option is not None:
        raw = option.get("options") or ""
        separator = ";" if not raw or raw[0].isalnum() else raw[0]
        names = {part.strip().lower() for part in raw.split(separator) if part}
        for name in ("element", "severity"):
            if name in names:
                found.append(context.result(managed_by_dataminer, f"QAction {qaction_id} sets column {column_id}, "
                                                                  f"whose ColumnOption has option '{name}': DataMiner "
                                                                  f"fills it", call_node))
    if table is not None and facts.column_options(table):
        for timer_id, options in facts.timer_ping_columns(table, column).items():
            for name in options:
                found.append(context.result(managed_by_item, f"QAction {qaction_id} sets column {column_id}, which "
                                                             f"timer {timer_id} fills with its {name} option",
                                            call_node))
    return found


@check("3.11")
def fill_array_with_column(csharp):
    results = []
    for context in each(csharp):
        facts = context.facts
        for call in calls(context.unit):
            if call.name != "FillArrayWithColumn" or len(call.arguments) < 2 or not context.is_slprotocol(call):
                continue
            table = column = None
            table_known = column_known = False
            value, pid = _pid_value(context, call.arguments[0])
            if value is not None:
                table = facts.param(pid)
                if table is None:
                    results.append(context.result("3.11.1", f"QAction {context.qaction.id} fills table {pid}, which is "
                                                            f"not in the protocol", value.node))
                if not value.helper:
                    results.append(context.result("3.11.4", f"QAction {context.qaction.id} calls FillArrayWithColumn "
                                                            f"with table id {pid} written as a number: use the "
                                                            f"Parameter class", value.node))
                table_known = table is not None
            value, pid = _pid_value(context, call.arguments[1])
            if value is not None:
                column = facts.param(pid)
                if column is None:
                    results.append(context.result("3.11.2", f"QAction {context.qaction.id} fills column {pid}, which "
                                                            f"is not in the protocol", value.node))
                if not value.helper:
                    results.append(context.result("3.11.5", f"QAction {context.qaction.id} calls FillArrayWithColumn "
                                                            f"with column id {pid} written as a number: use the "
                                                            f"Parameter class", value.node))
                column_known = column is not None
            if table_known and not _table_can_be_set(facts, table):
                continue
            if not column_known:
                continue
            problems = _column_settable(context, column, table if table_known else None, call.node,
                                        ("3.11.6", "3.11.7", "3.11.8"))
            results.extend(problems)
            if problems or not table_known:
                continue
            if len(call.arguments) >= 5 and _is_datetime(context, call.arguments[4]) \
                    and not facts.history_set(column) and facts.primary_key(table) is not column:
                results.append(context.result("3.11.3", f"QAction {context.qaction.id} fills column "
                                                        f"{column.get('id')} with a time stamp, but it has no "
                                                        f"historySet=\"true\"", call.node))
    return results


def _is_datetime_value(value) -> bool:
    return value is not None and (value.kind == "DateTime"
                                  or (value.kind == "unknown" and value.obj == "System.DateTime"))


@check("3.34")
def notify_fill_array_with_column(csharp):
    results = []
    for context in each(csharp):
        facts = context.facts
        for call in calls(context.unit):
            if context.notify_type(call, "NotifyProtocol") != 220:
                continue
            info = context.value(call.arguments[1])
            if info is None or info.kind != "array" or info.argument or not info.items:
                continue
            table_value = info.items[0]
            table = _param_of(facts, table_value)
            last = info.items[-1]
            optional = None
            global_history = False
            if last is not None:
                if last.kind == "array" and last.static:
                    optional = False
                    if last.items:
                        optional = _allow(last.items[0])
                        if len(last.items) == 2 and _is_datetime_value(last.items[1]):
                            global_history = True
                elif last.kind == "bool":
                    optional = _allow(last)
            count = len(info.items) - 1 - (1 if optional is not None else 0)
            columns = []
            for position in range(count):
                column_value = info.items[position + 1]
                columns.append([column_value, _param_of(facts, column_value), False])
            values = context.value(call.arguments[2])
            if values is None or values.kind != "array" or values.argument or len(values.items) != count + 1:
                continue
            for position in range(count):
                column_values = values.items[position + 1]
                if column_values is not None and column_values.items and any(
                        item is not None and item.items is not None and len(item.items) == 2
                        and _is_datetime_value(item.items[1]) for item in column_values.items):
                    columns[position][2] = True
            sub: list[Result] = []
            table_known = False
            if table_value is not None and table_value.static:
                pid = table_value.as_int32
                if table is None:
                    sub.append(context.result("3.34.2", f"QAction {context.qaction.id} fills table {pid} "
                                                        f"(NT_FILL_ARRAY_WITH_COLUMN), which is not in the protocol",
                                              call.node))
                if not table_value.helper:
                    sub.append(context.result("3.34.5", f"QAction {context.qaction.id} calls NotifyProtocol "
                                                        f"NT_FILL_ARRAY_WITH_COLUMN with table id {pid} written as a "
                                                        f"number: use the Parameter class", call.node))
                table_known = table is not None
            known_columns = []
            for column_value, column, _ in columns:
                if column_value is None or not column_value.static:
                    known_columns.append(False)
                    continue
                pid = column_value.as_int32
                if column is None:
                    sub.append(context.result("3.34.3", f"QAction {context.qaction.id} fills column {pid} "
                                                        f"(NT_FILL_ARRAY_WITH_COLUMN), which is not in the protocol",
                                              call.node))
                if not column_value.helper:
                    sub.append(context.result("3.34.6", f"QAction {context.qaction.id} calls NotifyProtocol "
                                                        f"NT_FILL_ARRAY_WITH_COLUMN with column id {pid} written as a "
                                                        f"number: use the Parameter class", call.node))
                known_columns.append(column is not None)
            if table_known and not _table_can_be_set(facts, table):
                results.extend(_grouped(context, "3.34.1", call, sub, _fill_group))
                continue
            to_check = []
            for (_, column, needs_history), known in zip(columns, known_columns, strict=True):
                if not known:
                    continue
                problems = _column_settable(context, column, table if table_known else None, call.node,
                                            ("3.34.7", "3.34.8", "3.34.9"))
                results.extend(problems)
                if not problems:
                    to_check.append((column, needs_history))
            if table_known:
                key = facts.primary_key(table)
                for column, needs_history in to_check:
                    if not (global_history or needs_history) or facts.history_set(column) or key is column:
                        continue
                    sub.append(context.result("3.34.4", f"QAction {context.qaction.id} fills column "
                                                        f"{column.get('id')} with time stamps, but it has no "
                                                        f"historySet=\"true\"", call.node))
            results.extend(_grouped(context, "3.34.1", call, sub, _fill_group))
    return results


def _fill_group(subs) -> bool:
    """NT_FILL_ARRAY_WITH_COLUMN groups more than one problem, or any missing historySet."""
    return len(subs) > 1 or any(result.code == "3.34.4" for result in subs)


def _allow(value):
    if value is not None and value.kind == "bool" and value.static:
        return bool(value.obj)
    return None


def _param_of(facts, value):
    if value is None or not value.static or not value.numeric or is_internal(value.as_int32):
        return None
    return facts.param(value.as_int32)
