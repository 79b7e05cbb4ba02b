"""The constant evaluator: the value an argument has, when the code says so.

What it resolves (as the official analysis does):

- literals (numbers with C#'s types and suffixes, strings with their escapes, characters,
  `true`/`false`, `null`); arithmetic, comparisons and string concatenation on resolved
  operands; casts to built-in types; arrays (`new uint[] { ... }`, `new[] { ... }`,
  `{ ... }`) item by item;
- `const` fields and locals, enum members (the code's enums and DataMiner's `NotifyType`),
  the QAction helper's `Parameter.*` constants;
- variables never written after their declaration (or written exactly once when declared
  without a value), in the QAction and in the QActions it references;
- `new T(...)` as "an object of type T"; method parameters as "a value of the declared type";
- a few library calls on resolved arguments (`Convert.ToInt32(...)`, `x.ToString()`).

A `Value` says whether it could have changed (`static`): a variable written somewhere is
resolved but not static. Anything else, a parenthesised argument included, is not resolved
(None), and the checks never report what they cannot resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from dmlint.csharp import dotnet
from dmlint.csharp.semantics import Symbol, initializer_of

INTEGER_RANGES = {
    "sbyte": (-2**7, 2**7 - 1), "byte": (0, 2**8 - 1), "short": (-2**15, 2**15 - 1), "ushort": (0, 2**16 - 1),
    "int": (-2**31, 2**31 - 1), "uint": (0, 2**32 - 1), "long": (-2**63, 2**63 - 1), "ulong": (0, 2**64 - 1),
    "char": (0, 2**16 - 1),
}
INTEGERS = ("sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong")
FLOATS = ("float", "double", "decimal")
NUMERIC = INTEGERS + FLOATS
# The official analysis' names of value types (its messages and GetParameters' type check).
KIND_NAMES = {"sbyte": "sbyte", "byte": "byte", "short": "short", "ushort": "ushort", "int": "int", "uint": "uint",
              "long": "long", "ulong": "ulong", "float": "float", "double": "double", "decimal": "decimal",
              "string": "string", "bool": "bool", "object": "object", "null": "null", "DateTime": "DateTime"}


@dataclass
class Value:
    kind: str  # int, uint, ..., string, bool, char, null, object, DateTime, array, unknown
    obj: object = None  # the Python value; for 'unknown' objects the type's full name
    node: object = None  # where the value is written (for positions)
    unchanged: bool = True  # no write can change it (the official HasNotChanged)
    argument: bool = False  # a method parameter: its type is known, its value is not
    items: list | None = None  # arrays: the items' values (None where unresolved)
    item_kind: str = "unknown"  # arrays: the declared element type
    helper: bool = False  # comes from the QAction helper's Parameter class
    symbol: Symbol | None = None

    @property
    def static(self) -> bool:
        """The value is known and cannot have changed (the official HasStaticValue)."""
        return self.unchanged and not self.argument

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC

    @property
    def as_int32(self) -> int:
        """The value read as an Int32 the way .NET's Int32.TryParse(Convert.ToString(v)) reads it (0 otherwise)."""
        text = to_text(self)
        if text is None:
            return 0
        text = text.strip()
        if text[:1] in "+-":
            digits = text[1:]
        else:
            digits = text
        if not digits.isascii() or not digits.isdigit():
            return 0
        number = int(text)
        return number if -2**31 <= number <= 2**31 - 1 else 0

    @property
    def type_name(self) -> str:
        """The type as the official messages name it ('int', 'uint[]', 'object[]', ...)."""
        if self.kind == "array":
            return f"{KIND_NAMES.get(self.item_kind, '')}[]"
        return KIND_NAMES.get(self.kind, "")


def to_text(value: Value) -> str | None:
    """Convert.ToString of a resolved value (None for arrays and unknown objects)."""
    obj = value.obj
    if value.kind == "null":
        return ""
    if value.kind == "bool":
        return "True" if obj else "False"
    if value.kind in INTEGERS:
        return str(obj)
    if value.kind == "char":
        return chr(obj) if isinstance(obj, int) else str(obj)
    if value.kind in ("float", "double"):
        if isinstance(obj, float) and obj.is_integer() and abs(obj) < 1e15:
            return str(int(obj))
        return repr(obj) if isinstance(obj, float) else str(obj)
    if value.kind == "decimal":
        text = format(obj, "f") if isinstance(obj, Decimal) else str(obj)
        return text
    if value.kind == "string":
        return obj
    if value.kind == "unknown" and isinstance(obj, str):
        return obj
    return None


# -- literals -------------------------------------------------------------------------

_ESCAPES = {"'": "'", '"': '"', "\\": "\\", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t", "v": "\v"}


def _unescape(body: str) -> str | None:
    out = []
    index = 0
    while index < len(body):
        char = body[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        nxt = body[index + 1:index + 2]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            index += 2
        elif nxt in ("u", "x", "U"):
            width = {"u": 4, "U": 8}.get(nxt)
            if nxt == "x":
                digits = ""
                scan = index + 2
                while scan < len(body) and len(digits) < 4 and body[scan] in "0123456789abcdefABCDEF":
                    digits += body[scan]
                    scan += 1
            else:
                digits = body[index + 2:index + 2 + width]
                scan = index + 2 + width
            try:
                out.append(chr(int(digits, 16)))
            except (ValueError, OverflowError):
                return None
            index = scan
        else:
            return None
    return "".join(out)


def literal(unit, node) -> Value | None:
    kind = node.type
    text = unit.text(node)
    if kind == "integer_literal":
        raw = text.replace("_", "").lower()
        suffix = ""
        while raw and raw[-1] in "ul":
            suffix = raw[-1] + suffix
            raw = raw[:-1]
        try:
            if raw.startswith("0x"):
                number = int(raw[2:], 16)
            elif raw.startswith("0b"):
                number = int(raw[2:], 2)
            else:
                number = int(raw)
        except ValueError:
            return None
        if "u" in suffix and "l" in suffix:
            candidates = ("ulong",)
        elif "u" in suffix:
            candidates = ("uint", "ulong")
        elif "l" in suffix:
            candidates = ("long", "ulong")
        else:
            candidates = ("int", "uint", "long", "ulong")
        for candidate in candidates:
            low, high = INTEGER_RANGES[candidate]
            if low <= number <= high:
                return Value(candidate, number, node)
        return None
    if kind == "real_literal":
        raw = text.replace("_", "").lower()
        value_kind = "double"
        if raw.endswith("f"):
            value_kind, raw = "float", raw[:-1]
        elif raw.endswith("m"):
            value_kind, raw = "decimal", raw[:-1]
        elif raw.endswith("d"):
            raw = raw[:-1]
        try:
            number = Decimal(raw) if value_kind == "decimal" else float(raw)
        except (ValueError, InvalidOperation):
            return None
        return Value(value_kind, number, node)
    if kind == "string_literal":
        body = text[1:-1] if len(text) >= 2 else ""
        decoded = _unescape(body)
        return Value("string", decoded, node) if decoded is not None else None
    if kind == "verbatim_string_literal":
        return Value("string", text[2:-1].replace('""', '"'), node) if len(text) >= 3 else None
    if kind == "character_literal":
        body = text[1:-1]
        decoded = _unescape(body)
        if decoded is None or len(decoded) != 1:
            return None
        return Value("char", ord(decoded), node)
    if kind == "boolean_literal":
        return Value("bool", text == "true", node)
    if kind == "null_literal":
        return Value("null", None, node)
    return None


# -- arithmetic --------------------------------------------------------------------------

_RANK = {"int": 1, "uint": 2, "long": 3, "ulong": 4, "float": 5, "double": 6, "decimal": 7}


def _promote(left: str, right: str) -> str | None:
    """C#'s binary numeric promotion of two operand kinds."""
    small = {"sbyte", "byte", "short", "ushort", "char"}
    left = "int" if left in small else left
    right = "int" if right in small else right
    if left not in _RANK or right not in _RANK:
        return None
    if "decimal" in (left, right):
        return None if {"float", "double"} & {left, right} else "decimal"
    if "double" in (left, right):
        return "double"
    if "float" in (left, right):
        return "float"
    if "ulong" in (left, right):
        return None if {"int", "long"} & {left, right} else "ulong"
    if "long" in (left, right):
        return "long"
    if {"uint", "int"} == {left, right}:
        return "long"
    return "uint" if "uint" in (left, right) else "int"


def _in_range(kind: str, number) -> bool:
    if kind in INTEGER_RANGES:
        low, high = INTEGER_RANGES[kind]
        return low <= number <= high
    return True


def _number(value: Value):
    if value.kind == "decimal":
        return value.obj if isinstance(value.obj, Decimal) else Decimal(str(value.obj))
    return value.obj


def binary(operator: str, left: Value, right: Value) -> Value | None:
    """The value of `left operator right` under C#'s rules (None: not computable here)."""
    lk, rk = left.kind, right.kind
    if operator == "+" and "string" in (lk, rk):
        left_text, right_text = to_text(left), to_text(right)
        if left_text is None or right_text is None:
            return None
        return Value("string", left_text + right_text)
    if lk == "bool" and rk == "bool":
        a, b = left.obj, right.obj
        results = {"&&": a and b, "||": a or b, "&": a and b, "|": a or b, "^": a != b, "==": a == b, "!=": a != b}
        return Value("bool", results[operator]) if operator in results else None
    if lk == "string" and rk == "string" and operator in ("==", "!="):
        return Value("bool", (left.obj == right.obj) == (operator == "=="))
    kind = _promote(lk, rk)
    if kind is None:
        return None
    if kind == "decimal":
        a, b = _number(left), _number(right)
    elif kind in ("float", "double"):
        a, b = float(left.obj), float(right.obj)
    else:
        a, b = int(left.obj), int(right.obj)
    if operator in ("==", "!=", "<", ">", "<=", ">="):
        result = {"==": a == b, "!=": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[operator]
        return Value("bool", result)
    try:
        if operator == "+":
            number = a + b
        elif operator == "-":
            number = a - b
        elif operator == "*":
            number = a * b
        elif operator == "/":
            if kind in INTEGERS:
                if b == 0:
                    return None
                number = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
            else:
                number = a / b
        elif operator == "%":
            if kind in INTEGERS:
                if b == 0:
                    return None
                number = abs(a) % abs(b) * (1 if a >= 0 else -1)
            else:
                return None
        elif operator in ("&", "|", "^") and kind in INTEGERS:
            number = {"&": a & b, "|": a | b, "^": a ^ b}[operator]
        elif operator in ("<<", ">>") and kind in INTEGERS and right.kind in INTEGERS:
            shift = b & (63 if kind in ("long", "ulong") else 31)
            kind = "int" if lk in ("sbyte", "byte", "short", "ushort", "char") else lk
            number = (a << shift) if operator == "<<" else (a >> shift)
            if kind in ("int", "uint", "long", "ulong"):
                low, high = INTEGER_RANGES[kind]
                number = (number - low) % (high - low + 1) + low
        else:
            return None
    except (ZeroDivisionError, OverflowError, InvalidOperation, ValueError):
        return None
    if not _in_range(kind, number):
        return None  # an overflow in a constant expression does not compile
    return Value(kind, number)


def unary(operator: str, operand: Value) -> Value | None:
    kind = operand.kind
    if operator == "!":
        return Value("bool", not operand.obj) if kind == "bool" else None
    if kind not in NUMERIC and kind != "char":
        return None
    promoted = "int" if kind in ("sbyte", "byte", "short", "ushort", "char") else kind
    number = _number(operand) if promoted == "decimal" else operand.obj
    if operator == "+":
        return Value(promoted, number)
    if operator == "-":
        if promoted == "uint":
            promoted = "long"
        elif promoted == "ulong":
            return None
        result = -number
    elif operator == "~" and promoted in INTEGERS:
        low, high = INTEGER_RANGES[promoted]
        result = (~number - low) % (high - low + 1) + low
    else:
        return None
    return Value(promoted, result) if _in_range(promoted, result) else None


def convert(value: Value, kind: str) -> Value:
    """An explicit cast to a built-in type (the value kept when C# would refuse the constant)."""
    if kind in INTEGERS or kind == "char":
        if value.kind in INTEGERS or value.kind == "char":
            number = int(value.obj)
        elif value.kind in FLOATS:
            try:
                number = int(value.obj)
            except (ValueError, OverflowError):
                return replace(value, kind=kind)
        else:
            return replace(value, kind=kind)
        if _in_range(kind, number):
            return replace(value, kind=kind, obj=number)
        return replace(value, kind=kind)
    if kind in ("float", "double"):
        if value.kind in NUMERIC or value.kind == "char":
            return replace(value, kind=kind, obj=float(value.obj))
        return replace(value, kind=kind)
    if kind == "decimal":
        if value.kind in NUMERIC:
            try:
                return replace(value, kind=kind, obj=Decimal(str(value.obj)))
            except InvalidOperation:
                return replace(value, kind=kind)
        return replace(value, kind=kind)
    return replace(value, kind=kind)


# -- the evaluator ---------------------------------------------------------------------------

LITERALS = frozenset({"integer_literal", "real_literal", "string_literal", "verbatim_string_literal",
                      "character_literal", "boolean_literal", "null_literal"})
_CAST_KINDS = {keyword for keyword in dotnet.PREDEFINED if keyword not in ("void",)}
_CONVERT_METHODS = {"ToInt16": "short", "ToInt32": "int", "ToInt64": "long", "ToUInt16": "ushort",
                    "ToUInt32": "uint", "ToUInt64": "ulong", "ToByte": "byte", "ToSByte": "sbyte",
                    "ToDouble": "double", "ToSingle": "float", "ToDecimal": "decimal", "ToString": "string",
                    "ToBoolean": "bool"}


@dataclass
class Evaluator:
    program: object  # semantics.Program
    _cache: dict = field(default_factory=dict)
    _active: set = field(default_factory=set)

    def value(self, unit, node) -> Value | None:
        """The value of an expression (an `argument` node: its expression), or None."""
        if node is None:
            return None
        target = node
        if node.type == "argument":
            target = node.named_children[-1] if node.named_children else None
            if target is None:
                return None
        key = (id(unit), target.id)
        if key in self._cache:
            found = self._cache[key]
        else:
            if key in self._active:
                return None
            self._active.add(key)
            try:
                found = self._evaluate(unit, target)
            finally:
                self._active.discard(key)
            self._cache[key] = found
        if found is None:
            return None
        return replace(found, node=node)

    def _evaluate(self, unit, node) -> Value | None:
        kind = node.type
        if kind in LITERALS:
            return literal(unit, node)
        if kind == "prefix_unary_expression":
            return self._prefix(unit, node)
        if kind == "postfix_unary_expression":
            operand = node.named_children[0] if node.named_children else None
            operator = node.children[-1].type if node.children else ""
            if operator not in ("++", "--"):
                return None
            found = self.value(unit, operand)
            return found if found is not None and found.numeric else None
        if kind == "binary_expression":
            return self._binary(unit, node)
        if kind == "cast_expression":
            return self._cast(unit, node)
        if kind in ("identifier", "member_access_expression"):
            return self._name(unit, node)
        if kind in ("array_creation_expression", "implicit_array_creation_expression"):
            return self._array(unit, node)
        if kind == "initializer_expression":
            return self._initializer(unit, node, self._declared_item_kind(unit, node))
        if kind == "object_creation_expression":
            type_name = self.program.type_name(unit, node.child_by_field_name("type"))
            return Value("unknown", type_name or unit.text(node))
        if kind == "invocation_expression":
            return self._invocation(unit, node)
        return None

    # -- operators -----------------------------------------------------------------------
    @staticmethod
    def _pure(node) -> bool:
        """Only literals and operators: C# scripting evaluates it as written."""
        stack = [node]
        while stack:
            current = stack.pop()
            kind = current.type
            if kind in LITERALS:
                continue
            if kind in ("parenthesized_expression", "prefix_unary_expression", "binary_expression"):
                stack.extend(child for child in current.named_children)
                continue
            if kind == "cast_expression":
                type_node = current.child_by_field_name("type")
                if type_node is None or type_node.type != "predefined_type":
                    return False
                value = current.child_by_field_name("value")
                if value is None:
                    return False
                stack.append(value)
                continue
            return False
        return True

    def _pure_value(self, unit, node) -> Value | None:
        kind = node.type
        if kind in LITERALS:
            return literal(unit, node)
        if kind == "parenthesized_expression":
            return self._pure_value(unit, node.named_children[0]) if node.named_children else None
        if kind == "prefix_unary_expression":
            operator = node.children[0].type
            operand = self._pure_value(unit, node.named_children[0]) if node.named_children else None
            return unary(operator, operand) if operand is not None and operator in ("-", "+", "!", "~") else None
        if kind == "binary_expression":
            left = self._pure_value(unit, node.child_by_field_name("left"))
            right = self._pure_value(unit, node.child_by_field_name("right"))
            operator = node.child_by_field_name("operator")
            if left is None or right is None or operator is None:
                return None
            return binary(operator.type, left, right)
        if kind == "cast_expression":
            inner = self._pure_value(unit, node.child_by_field_name("value"))
            cast = unit.text(node.child_by_field_name("type"))
            return convert(inner, cast) if inner is not None and cast in _CAST_KINDS else None
        return None

    def _prefix(self, unit, node) -> Value | None:
        operator = node.children[0].type if node.children else ""
        if self._pure(node):
            return self._pure_value(unit, node)
        operand = self.value(unit, node.named_children[0]) if node.named_children else None
        if operand is None:
            return None
        if operator in ("++", "--"):
            if not operand.numeric:
                return None
            stepped = binary("+" if operator == "++" else "-", replace(operand, kind=operand.kind),
                             Value("int", 1))
            return replace(operand, obj=stepped.obj) if stepped is not None else None
        if operand.argument:
            return None
        result = unary(operator, operand)
        return replace(result, unchanged=operand.unchanged) if result is not None else None

    def _binary(self, unit, node) -> Value | None:
        if self._pure(node):
            return self._pure_value(unit, node)
        operator = node.child_by_field_name("operator")
        left_node, right_node = node.child_by_field_name("left"), node.child_by_field_name("right")
        if operator is None or left_node is None or right_node is None:
            return None
        left = self.value(unit, _unwrap(left_node))
        right = self.value(unit, _unwrap(right_node))
        if left is None or right is None or left.argument or right.argument:
            return None
        if left.kind in ("array", "unknown", "object") or right.kind in ("array", "unknown", "object"):
            return None
        result = binary(operator.type, left, right)
        if result is None:
            return None
        return replace(result, unchanged=left.unchanged and right.unchanged)

    def _cast(self, unit, node) -> Value | None:
        type_node = node.child_by_field_name("type")
        if type_node is None or type_node.type != "predefined_type":
            return None
        inner = self.value(unit, node.child_by_field_name("value"))
        if inner is None:
            return None
        cast = unit.text(type_node)
        if inner.argument:
            return replace(inner, kind=cast)
        return convert(inner, cast)

    # -- names ------------------------------------------------------------------------------
    def _name(self, unit, node) -> Value | None:
        symbol = self.program.symbol_of(unit, node)
        if symbol is None:
            return None
        kind = symbol.kind
        if kind == "helper":
            return Value("int", symbol.value, helper=True, symbol=symbol) if symbol.value is not None else None
        if kind == "notify":
            return Value("int", symbol.value, symbol=symbol)
        if kind == "enum_member":
            return self._enum_member(symbol)
        if kind == "parameter":
            return self._parameter(symbol)
        if kind in ("local", "field"):
            return self._variable(symbol)
        return None

    def _parameter(self, symbol: Symbol) -> Value | None:
        type_node = symbol.type_node
        if type_node is None:
            return Value("unknown", argument=True, unchanged=True)
        if type_node.type == "predefined_type":
            return Value(symbol.unit.text(type_node), argument=True)
        if type_node.type == "array_type":
            element = type_node.child_by_field_name("type")
            element_kind = symbol.unit.text(element) if element is not None and element.type == "predefined_type" \
                else "unknown"
            return Value("array", argument=True, item_kind=element_kind, items=[])
        return Value("unknown", argument=True)

    def _enum_member(self, symbol: Symbol) -> Value | None:
        decl = symbol.type_decl
        underlying = "int"
        for base in decl.bases:
            if base.type == "predefined_type":
                underlying = decl.unit.text(base)
        previous: Value | None = None
        for name, member in decl.enum_members.items():
            value_node = member.child_by_field_name("value")
            if value_node is None:
                for child in member.named_children:
                    if child.type not in ("identifier", "attribute_list"):
                        value_node = child
            if value_node is not None:
                found = self.value(decl.unit, value_node)
                if found is None or not found.static or found.kind not in INTEGERS + ("char",):
                    current = None
                else:
                    current = Value(underlying, int(found.obj))
            elif previous is None:
                current = Value(underlying, 0) if name == next(iter(decl.enum_members)) else None
            else:
                current = Value(underlying, previous.obj + 1)
            if member.id == symbol.node.id:
                return replace(current, symbol=symbol) if current is not None else None
            previous = current
        return None

    def _variable(self, symbol: Symbol) -> Value | None:
        member = symbol.member
        unit = symbol.unit
        initializer = initializer_of(symbol.node)
        if member is not None and member.is_const:
            found = self.value(unit, initializer) if initializer is not None else None
            if found is None:
                return None
            helper = found.helper and initializer.type in ("identifier", "member_access_expression")
            return replace(found, unchanged=True, symbol=symbol, helper=helper)
        writes = self.program.writes_of(unit, symbol)
        unchanged = not writes
        if initializer is None:
            if len(writes) != 1:
                return None
            write_unit, written = writes[0]
            assignment = written.parent
            while assignment is not None and assignment.type == "parenthesized_expression":
                assignment = assignment.parent
            if assignment is None or assignment.type != "assignment_expression":
                return None
            operator = assignment.child_by_field_name("operator")
            if operator is None or operator.type != "=":
                return None
            initializer, unit = assignment.child_by_field_name("right"), write_unit
            unchanged = not (symbol.kind == "field" and member is not None and member.is_readonly)
        found = self.value(unit, initializer)
        if found is None:
            return None
        if found.kind == "array" and found.item_kind == "unknown" and initializer.type == "initializer_expression":
            declared = self._declared_item_kind_of(symbol)
            found = replace(found, item_kind=declared)
        return replace(found, unchanged=unchanged and found.unchanged, symbol=found.symbol or symbol)

    def _declared_item_kind_of(self, symbol: Symbol) -> str:
        type_node = symbol.type_node
        if type_node is not None and type_node.type == "array_type":
            return self._element_kind(symbol.unit, type_node.child_by_field_name("type"))
        return "unknown"

    # -- arrays ---------------------------------------------------------------------------------
    def _element_kind(self, unit, type_node) -> str:
        if type_node is None:
            return "unknown"
        if type_node.type == "predefined_type":
            return unit.text(type_node)
        return dotnet.KIND_OF_TYPE.get(self.program.type_name(unit, type_node) or "", "unknown")

    def _array(self, unit, node) -> Value | None:
        initializer = next((child for child in node.named_children if child.type == "initializer_expression"), None)
        if initializer is None:
            return None
        if node.type == "array_creation_expression":
            type_node = node.child_by_field_name("type")
            element = type_node.child_by_field_name("type") if type_node is not None else None
            return self._initializer(unit, initializer, self._element_kind(unit, element))
        found = self._initializer(unit, initializer, None)
        if found is not None:
            kinds = {item.kind for item in found.items if item is not None}
            if len(kinds) == 1 and None not in found.items:
                found = replace(found, item_kind=kinds.pop())
            elif kinds and kinds <= set(NUMERIC) and None not in found.items:
                best = None
                for item_kind in kinds:
                    best = item_kind if best is None else _promote(best, item_kind)
                found = replace(found, item_kind=best or "unknown")
        return found

    def _declared_item_kind(self, unit, node) -> str:
        """The element type of an initializer written as a declaration's value (`uint[] x = { ... }`)."""
        parent = node.parent
        if parent is not None and parent.type == "variable_declarator":
            declaration = parent.parent
            type_node = declaration.child_by_field_name("type") if declaration is not None else None
            if type_node is not None and type_node.type == "array_type":
                return self._element_kind(unit, type_node.child_by_field_name("type"))
        return "unknown"

    def _initializer(self, unit, node, item_kind) -> Value:
        items = [self.value(unit, child) for child in node.named_children if child.type != "comment"]
        return Value("array", items=items, item_kind=item_kind or "unknown")

    # -- calls --------------------------------------------------------------------------------------
    def _invocation(self, unit, node) -> Value | None:
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or arguments is None or function.type != "member_access_expression":
            return None
        method_node = function.child_by_field_name("name")
        method = unit.text(method_node) if method_node is not None else ""
        receiver = function.child_by_field_name("expression")
        args = [child for child in arguments.named_children if child.type == "argument"]
        values = [self.value(unit, argument) for argument in args]
        if any(value is None or value.argument or value.kind in ("array", "unknown") for value in values):
            return None
        unchanged = all(value.unchanged for value in values)
        receiver_symbol = self.program.symbol_of(unit, receiver) if receiver is not None else None
        if receiver_symbol is not None and receiver_symbol.kind == "external_type":
            if receiver_symbol.name == "System.Convert" and method in _CONVERT_METHODS and len(values) == 1:
                result = _convert_call(values[0], _CONVERT_METHODS[method])
                return replace(result, unchanged=unchanged) if result is not None else None
            if receiver_symbol.name == "System.String" and method == "Format" and values \
                    and values[0].kind == "string":
                text = _format(values[0].obj, values[1:])
                return Value("string", text, unchanged=unchanged) if text is not None else None
            if receiver_symbol.name == "System.String" and method == "Concat":
                texts = [to_text(value) for value in values]
                return Value("string", "".join(texts), unchanged=unchanged) if None not in texts else None
            return None
        if method == "ToString" and not values and receiver is not None:
            target = self.value(unit, receiver)
            if target is None or target.argument:
                return None
            text = to_text(target)
            if text is None or target.kind in ("unknown", "array", "null"):
                return None
            return Value("string", text, unchanged=target.unchanged)
        return None


def _convert_call(value: Value, kind: str) -> Value | None:
    if kind == "string":
        text = to_text(value)
        return Value("string", text) if text is not None and value.kind not in ("unknown",) else None
    if kind == "bool":
        if value.kind == "bool":
            return Value("bool", value.obj)
        if value.kind == "string" and value.obj.strip().lower() in ("true", "false"):
            return Value("bool", value.obj.strip().lower() == "true")
        return None
    if value.kind == "string":
        text = value.obj.strip()
        try:
            number = float(text) if kind in ("double", "float") else Decimal(text) if kind == "decimal" else int(text)
        except (ValueError, InvalidOperation):
            return None
        if kind in INTEGER_RANGES and not _in_range(kind, number):
            return None
        return Value(kind, number)
    if value.kind in INTEGERS or value.kind == "char":
        number = int(value.obj)
        if kind in INTEGER_RANGES and not _in_range(kind, number):
            return None
        return Value(kind, float(number) if kind in ("double", "float") else number)
    if value.kind in FLOATS:
        if kind in INTEGER_RANGES:
            number = float(value.obj)
            rounded = round(number)  # Convert rounds half to even, as Python does
            return Value(kind, int(rounded)) if _in_range(kind, int(rounded)) else None
        return Value(kind, float(value.obj) if kind != "decimal" else Decimal(str(value.obj)))
    if value.kind == "bool" and kind in INTEGER_RANGES:
        return Value(kind, 1 if value.obj else 0)
    return None


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\d+)\}|[{}]")


def _format(pattern: str, values: list[Value]) -> str | None:
    """string.Format with plain {0}, {1}, ... placeholders (anything else: not resolved)."""
    texts = [to_text(value) for value in values]
    out, failed = [], False

    def substitute(match):
        nonlocal failed
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        if match.group(1) is None or int(match.group(1)) >= len(texts) or texts[int(match.group(1))] is None:
            failed = True
            return ""
        return texts[int(match.group(1))]

    out = _PLACEHOLDER.sub(substitute, pattern)
    return None if failed else out


def _unwrap(node):
    """One level of parentheses off a binary operand (as the official analysis does)."""
    if node.type == "parenthesized_expression" and node.named_children:
        return node.named_children[0]
    return node
