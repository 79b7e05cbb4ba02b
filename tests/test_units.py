"""PRM115 with Skyline's unit list (uom.xsd, included by Skyline's protocol.xsd in ../shared)."""

from __future__ import annotations

import pytest

from dmlint.core.engine import LintSettings, lint_bytes

from conftest import SHARED

SKYLINE_XSD = SHARED / "skyline-xsd" / "protocol.xsd"

PROTOCOL = b"""<Protocol xmlns="http://www.skyline.be/protocol"><Params>
<Param id="1"><Display><Units>am/yr</Units></Display><Measurement><Type>number</Type></Measurement></Param>
<Param id="2"><Display><Units>parsecs per fortnight</Units></Display>
<Measurement><Type>number</Type></Measurement></Param>
<Param id="3"><Display><Units> % </Units></Display><Measurement><Type>number</Type></Measurement></Param>
<Param id="4"><Display><Units>dBm</Units></Display><Measurement><Type>number</Type></Measurement></Param>
</Params></Protocol>"""


def _official(schema):
    settings = LintSettings(frozenset({"PRM115"}), schema_validation=False, schema=schema)
    return sorted(code for finding in lint_bytes("units.xml", PROTOCOL, settings).findings for code in finding.skyline)


@pytest.mark.skipif(not SKYLINE_XSD.is_file(), reason="Skyline's schema is not in ../shared")
def test_units_are_checked_against_skylines_list():
    assert _official(str(SKYLINE_XSD)) == ["2.9.3", "2.9.4", "2.9.8"]


def test_without_the_list_only_spaces_and_empty_units_are_reported():
    assert _official(None) == ["2.9.8"]
