"""The model facts of the protocol-level rules: DataMiner versions, pages and the page order."""

from __future__ import annotations

import pytest

from dmlint.core.parser import parse
from dmlint.model import build_model
from dmlint.model.compliancies import MINIMUM_SUPPORTED, DataMinerVersion, read_version
from dmlint.model.display import REGULAR, SEPARATOR, UNKNOWN, WEB


@pytest.mark.parametrize("text, parts, build", [
    ("10.2.0.0", (10, 2, 0, 0), 0),
    (" 10.1.3.0 - 9963 ", (10, 1, 3, 0), 9963),
    ("10.1.3.0-9963", (10, 1, 3, 0), 9963),
    ("10.4", (10, 4), 0),
])
def test_versions_are_read_as_dataminer_writes_them(text, parts, build):
    assert read_version(text) == DataMinerVersion(parts, build)


@pytest.mark.parametrize("text", [None, "", "  ", "10", "1.2.3.4.5", "10.x.0.0", "10.2.0.0 - ", "10.2.0.0 - -1",
                                  "-10.2.0.0", "10.2.0.0 - 1 - 2", "99999999999.0"])
def test_what_is_not_a_version(text):
    assert read_version(text) is None


def test_versions_compare_as_versions_then_builds():
    assert read_version("10.0.10.0 - 9454") < MINIMUM_SUPPORTED < read_version("10.1.0.0 - 9967")
    assert read_version("10.1") < read_version("10.1.0")  # a missing part sorts first, as .NET's Version
    assert read_version("10.2.0.0") < read_version("10.2.0.0 - 11517")
    assert str(read_version("10.1.3.0-9963")) == "10.1.3.0 - 9963"


def model_of(text: str):
    return build_model(parse("x.xml", text.encode()))


def test_pages_come_from_displayed_positioned_parameters_not_from_columns():
    model = model_of("""<Protocol>
      <Display pageOrder="general;---;Web#http://x/;Other"/>
      <Params>
        <Param id="1"><Name>A</Name><Display><RTDisplay>true</RTDisplay><Positions>
          <Position><Page> General </Page></Position><Position><Page>Extra</Page></Position></Positions></Display>
          <Measurement><Type>pagebutton</Type><Discreets><Discreet><Value>Popup</Value></Discreet></Discreets></Measurement>
        </Param>
        <Param id="2"><Name>B</Name><Display><RTDisplay>false</RTDisplay><Positions>
          <Position><Page>Hidden</Page></Position></Positions></Display></Param>
        <Param id="100"><Name>T</Name><Type>array</Type>
          <ArrayOptions><ColumnOption idx="0" pid="101"/></ArrayOptions></Param>
        <Param id="101"><Name>T_Key</Name><Type>read</Type><Display><RTDisplay>true</RTDisplay><Positions>
          <Position><Page>Column</Page></Position></Positions></Display></Param>
        <Param id="151"><Name>T_Key</Name><Type>write</Type><Display><RTDisplay>true</RTDisplay><Positions>
          <Position><Page>Write Column</Page></Position></Positions></Display></Param>
      </Params>
    </Protocol>""")
    assert {name: (len(page.params), page.popup) for name, page in model.pages.items()} == {
        "General": (1, False), "Extra": (1, False), "Popup": (0, True)}
    assert [(entry.text, entry.kind) for entry in model.page_order] == [
        ("general", REGULAR), ("---", SEPARATOR), ("Web#http://x/", WEB), ("Other", UNKNOWN)]


def test_no_page_order_when_blank():
    assert model_of('<Protocol><Display pageOrder=" "/></Protocol>').page_order is None
    assert model_of("<Protocol/>").page_order is None
