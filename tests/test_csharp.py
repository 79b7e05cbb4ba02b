"""dmlint.csharp: the preprocessor, positions, the QAction helper's names and the evaluator."""

from __future__ import annotations

import pytest

from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.parser import parse
from dmlint.csharp import helper
from dmlint.csharp.source import evaluate_condition, preprocess
from dmlint.model import build_model


def protocol(code: str, params: str = "", extra: str = "", qaction: str = 'id="1" triggers="10"',
             newline: str = "\n") -> bytes:
    text = (f'<Protocol xmlns="http://www.skyline.be/protocol">{newline}<Params>{newline}'
            f'<Param id="10"><Name>Status</Name><Type>read</Type></Param>{params}{newline}</Params>{extra}{newline}'
            f'<QActions>{newline}<QAction {qaction} name="Q" encoding="csharp"><![CDATA[{code}]]></QAction>{newline}'
            f'</QActions>{newline}</Protocol>{newline}')
    return text.replace("\n", newline).encode("utf-8")


def model_of(data: bytes):
    return build_model(parse("p.xml", data))


def findings(data: bytes, *codes: str):
    report = lint_bytes("p.xml", data, LintSettings(selected=frozenset(codes), schema_validation=False))
    return report.findings


def value_of(code_expression: str, declarations: str = "", params: str = ""):
    """The evaluator's value of an expression written as the argument of a SetParameter call."""
    code = ("using System;\nusing Skyline.DataMiner.Scripting;\nusing Skyline.DataMiner.Net.Messages;\n"
            f"public class QAction {{\n{declarations}\npublic static void Run(SLProtocol protocol) {{\n"
            f"protocol.SetParameter({code_expression}, null);\n}}\n}}")
    model = model_of(protocol(code, params))
    csharp = model.csharp
    qaction = csharp.qactions[0]
    unit = qaction.unit
    call = next(node for node in unit.invocations if unit.text(node).startswith("protocol.SetParameter"))
    argument = call.child_by_field_name("arguments").named_children[0]
    return csharp.evaluator.value(unit, argument)


# -- preprocessor -------------------------------------------------------------------------------


@pytest.mark.parametrize("condition, expected", [
    ("DCFv1", True), ("DEBUG", False), ("!DEBUG", True), ("DCFv1 && DBInfo", True), ("DEBUG || ALARM_SQUASHING", True),
    ("(DEBUG || DBInfo) && !TRACE", True), ("DCFv1 == false", False), ("true != DEBUG", True), ("dcfv1", False),
])
def test_conditions_use_dataminer_symbols(condition, expected):
    assert evaluate_condition(condition, {"DCFv1", "ALARM_SQUASHING", "DBInfo"}) is expected


def test_unreadable_conditions_are_none():
    assert evaluate_condition("DEBUG &&", set()) is None
    assert evaluate_condition("(DEBUG", set()) is None


def test_skipped_code_and_directives_are_blanked_offsets_kept():
    code = ("#define LOCAL\nint a;\n#if DEBUG\nint b = \"#if nothing\";\n#elif LOCAL\nint c;\n#else\nint d;\n"
            "#endif\n/*\n#if DEBUG\n*/\nint e;\n")
    blanked, directives, symbols = preprocess(code)
    assert len(blanked) == len(code) and blanked.count("\n") == code.count("\n")
    assert "int a;" in blanked and "int c;" in blanked and "int e;" in blanked
    assert "int b" not in blanked and "int d" not in blanked and "#" not in blanked.split("/*")[0]
    assert [d.kind for d in directives] == ["define", "if", "elif", "else", "endif"]  # not the one in the comment
    assert "LOCAL" in symbols and "DCFv1" in symbols


def test_nested_if_in_skipped_code_is_seen_but_not_taken():
    blanked, directives, _ = preprocess("#if DEBUG\n#if DCFv1\nint x;\n#endif\n#endif\nint y;\n")
    assert [(d.kind, d.active) for d in directives] == [("if", True), ("if", False), ("endif", False), ("endif", False)]
    assert "int x" not in blanked and "int y;" in blanked


# -- positions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_finding_lands_on_the_line_and_column_of_the_construct(newline):
    code = (f"{newline}using Skyline.DataMiner.Scripting;{newline}public class QAction{newline}{{{newline}"
            f"  public static void Run(SLProtocol protocol){newline}  {{{newline}"
            f"    // é, ü and 日本 before the call{newline}    protocol.SetParameter(99, 1);{newline}  }}{newline}}}")
    data = protocol(code, newline=newline)
    found = findings(data, "QA113")
    assert [(f.line, f.column, f.skyline) for f in found] == [(13, 27, ("3.7.1",))]
    line = data.decode("utf-8").split(newline)[12]
    assert line[26:28] == "99"


def test_sub_results_have_their_own_positions():
    code = ("using Skyline.DataMiner.Scripting;\npublic class QAction {\n"
            "public static void Run(SLProtocol protocol) {\n  protocol.GetParameters(new uint[] { 20, 30 });\n}}")
    [finding] = findings(protocol(code), "QA119")
    assert finding.skyline == ("3.33.1",) and len(finding.related) == 4
    assert {(line, column) for line, column, _ in finding.related} == {(9, 39), (9, 43)}


# -- the QAction helper ---------------------------------------------------------------------------


def test_helper_names_follow_dataminer_generator():
    params = ('<Param id="11"><Name>Status</Name><Type>write</Type></Param>'
              '<Param id="12"><Name>Response Time</Name><Type>read</Type></Param>'
              '<Param id="13"><Name>Index</Name><Type>read</Type></Param>'
              '<Param id="14"><Name>Status</Name><Type>read</Type></Param>'
              '<Param id="15"><Name>Poll Ip</Name><Type>pollingip</Type></Param>'
              '<Param id="1000"><Name>My Table</Name><Type>array</Type><ArrayOptions index="0">'
              '<ColumnOption idx="0" pid="1001"/><ColumnOption idx="1" pid="1002"/></ArrayOptions></Param>'
              '<Param id="1001"><Name>Serial</Name><Type>read</Type></Param>'
              '<Param id="1002"><Name>Level</Name><Type>write</Type></Param>')
    constants = helper.constants(model_of(protocol("class A {}", params)))
    assert constants[("status",)] == 10 and constants[("status_10",)] == 10 and constants[("status_14",)] == 14
    assert constants[("Write", "status")] == 11 and constants[("responseTime",)] == 12
    assert constants[("index_13",)] == 13 and ("index",) not in constants  # 'index' is protected: index_13
    assert not any(value == 15 for value in constants.values())  # neither read nor write
    assert constants[("MyTable", "tablePid")] == 1000 and constants[("MyTable", "indexColumnPid")] == 1001
    assert constants[("MyTable", "Pid", "serial_1001")] == 1001 and constants[("MyTable", "Idx", "serial")] == 0
    assert constants[("MyTable", "Pid", "Write", "level")] == 1002
    assert ("serial",) not in constants  # columns live in their table's class


# -- the evaluator ------------------------------------------------------------------------------------


@pytest.mark.parametrize("expression, kind, value", [
    ("12", "int", 12), ("3000000000", "uint", 3000000000), ("12u", "uint", 12), ("0x10", "int", 16),
    ("7 / 2", "int", 3), ("-7 / 2", "int", -3), ("-7 % 3", "int", -1), ("(20 - 1) * 2", "int", 38),
    ("1.5", "double", 1.5), ("\"a\" + 1", "string", "a1"), ("(int)3.9", "int", 3), ("(byte)300", "byte", 300),
    ("'A'", "char", 65), ("1 << 3", "int", 8), ("true && false", "bool", False),
])
def test_literals_and_operators(expression, kind, value):
    found = value_of(expression)
    assert (found.kind, found.obj, found.static) == (kind, value, True)


def test_overflowing_constants_and_parenthesised_arguments_are_not_resolved():
    assert value_of("2147483647 + 1") is None
    assert value_of("(10)") is None  # the official analysis does not read a parenthesised argument
    assert value_of("1 / 0") is None


def test_names_resolve_to_their_values():
    declarations = ("private const int Base = 100;\nprivate static readonly int Offset = 5;\n"
                    "private enum Kind { A, B = 7, C }\nprivate static int changed = 1;\n"
                    "static void Change() { changed = 2; }")
    assert value_of("Base + Offset", declarations).obj == 105
    assert (value_of("(int)Kind.C", declarations).obj, value_of("(int)Kind.A", declarations).obj) == (8, 0)
    assert value_of("(int)NotifyType.NT_RUN_ACTION").obj == 221
    assert value_of("Parameter.status").helper
    changed = value_of("changed", declarations)
    assert changed.obj == 1 and not changed.static  # written elsewhere: resolved, not static


def test_locals_written_once_after_their_declaration():
    code = ("using Skyline.DataMiner.Scripting;\npublic class QAction {\n"
            "public static void Run(SLProtocol protocol) {\n  int a;\n  a = 20;\n  protocol.SetParameter(a, 1);\n"
            "  int b = 30;\n  b += 1;\n  protocol.SetParameter(b, 1);\n"
            "  foreach (int c in new[] { 40 }) { protocol.SetParameter(c, 1); }\n}}")
    found = findings(protocol(code), "QA113")
    assert [f.message.split(" on ")[1].split(",")[0] for f in found] == ["parameter 20"]


def test_user_types_shadow_library_names():
    code = ("using Skyline.DataMiner.Scripting;\npublic class QAction {\n"
            "public static void Run(SLProtocol protocol) { NotifyType.Run(protocol); }}\n"
            "public static class NotifyType { public const int NT_RUN_ACTION = 2;\n"
            "public static void Run(SLProtocol protocol) { protocol.NotifyProtocol(NT_RUN_ACTION + 154, 1, null); } }")
    found = findings(protocol(code), "QA108")
    assert [f.skyline for f in found] == [("3.15.7",)]  # 2 + 154: NT_DELETE_ROW through the user's own constant


def test_code_that_does_not_parse_is_not_checked_further():
    code = ("using Skyline.DataMiner.Scripting;\npublic class QAction {\n"
            "public static void Run(SLProtocol protocol) { protocol.SetParameter(99, 1) }}")
    assert [f.code for f in findings(protocol(code), "QA101", "QA113", "QA114")] == ["QA101"]
