"""The table model (linter/model/tables.py): columns in both syntaxes, keys, naming, option parsers."""

from __future__ import annotations

from dmlint.core.engine import parse
from dmlint.model import build_model
from dmlint.model.tables import ArrayOptionsOptions, ColumnOptions, ViewTableColumn

PROTOCOL = b"""<Protocol>
  <Params>
    <Param id="100">
      <Name>Old</Name>
      <Type id="101;102;999">array</Type>
      <ArrayOptions index="0"/>
    </Param>
    <Param id="101"><Name>OldKey</Name><Type>read</Type></Param>
    <Param id="102"><Name>OldValue</Name><Type>read</Type></Param>
    <Param id="200">
      <Name>New</Name>
      <Type>array</Type>
      <ArrayOptions index="1" options=";naming=/202,203;volatile">
        <ColumnOption idx="0" pid="202" type="displaykey"/>
        <ColumnOption idx="1" pid=" 201 "/>
        <ColumnOption idx="2" pid="203" options=";foreignKey=100;save"/>
        <ColumnOption idx="3" pid="250"/>
        <ColumnOption idx="4"/>
      </ArrayOptions>
    </Param>
    <Param id="201"><Name>NewKey</Name><Type>read</Type></Param>
    <Param id="202"><Name>NewName</Name><Type>read</Type></Param>
    <Param id="203" duplicateAs="250"><Name>NewLink</Name><Type>read</Type><Description>Link</Description></Param>
    <Param id="303"><Name>NewLink</Name><Type>write</Type><Description>Link</Description></Param>
    <Param id="300"><Name>Plain</Name><Type>read</Type></Param>
  </Params>
</Protocol>"""


def model():
    return build_model(parse("tables.xml", PROTOCOL))


def test_tables_and_columns_in_both_syntaxes():
    m = model()
    assert [table.pid for table in m.all_tables] == ["100", "200"]
    assert m.tables == {"100", "200"}
    old, new = m.table("100"), m.table("200")
    assert [(c.idx, c.pid, c.param.id if c.param else None) for c in old.columns] == [
        (0, "101", "101"), (1, "102", "102"), (2, "999", None)]
    assert [(c.idx, c.pid) for c in new.columns] == [(0, "202"), (1, "201"), (2, "203"), (3, "250")]
    assert new.column_at(1).param.id == "201" and new.column_for("203").idx == 2
    assert new.column_for("250").via_duplicate_as and new.column_for("250").param.id == "203"
    assert m.columns == {"101", "102", "999", "201", "202", "203", "250"}
    assert m.table_of("201") is new and m.table_of(" 102") is old and m.table_of("300") is None


def test_keys_naming_and_options():
    m = model()
    old, new = m.table("100"), m.table("200")
    assert old.primary_key.pid == "101" and new.primary_key.pid == "201"
    assert [option.pid for option in new.display_key_options] == ["202"]
    assert new.naming.separator == "/" and new.naming.column_parts == ["202", "203"]
    assert new.is_volatile and not old.is_volatile
    assert [(option.pid, target) for option, target in new.foreign_keys] == [("203", "100")]
    assert new.column_for("203").option.options.saved
    assert m.write_param_of(m.param("203")).id == "303"


def test_option_parsers():
    options = ArrayOptionsOptions.parse(
        "|view=1000,remoteId|filterChange=1-2,3|directView=55|database:10|Preserve State")
    assert options.separator == "|" and options.view.pid == "1000" and options.view.remote and options.view.valid
    assert [(p.local, p.remote, p.valid) for p in options.filter_change.pairs] == [("1", "2", True), ("3", None, False)]
    assert options.direct_view_pid == "55" and options.database_rows == "10" and options.preserve_state
    assert ArrayOptionsOptions.parse(None) is None and ArrayOptionsOptions.parse("  ").parts == ()
    assert ArrayOptionsOptions.parse("naming=/1,2").naming.column_parts == ["1", "2"]
    column = ColumnOptions.parse(";foreignKey=12;view;element")
    assert column.foreign_key_pid == "12" and column.flags == {"view", "element"} and column.view_table is None
    assert ColumnOptions.parse(";foreignKey= 12").foreign_key_pid is None  # digits only
    assert ViewTableColumn.parse("view=:1:2:3").remote and ViewTableColumn.parse("view=1:2").id2 == "2"
    assert ViewTableColumn.parse("view=a").id is None
