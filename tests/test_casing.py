"""Title casing (linter/model/casing.py) of page names and display texts."""

import pytest

from dmlint.model.casing import is_title_case, title_case


@pytest.mark.parametrize(("text", "expected"), [
    ("wrong casing", "Wrong Casing"),
    ("temperature Of The card", "Temperature of the Card"),
    ("of mice and men", "Of Mice and Men"),
    ("the end of", "The End Of"),
    ("signal (in dBm)", "Signal (In dBm)"),
    ("VLANs per port", "VLANs per Port"),
    ("IPv4 address", "IPv4 Address"),
    ("1080i output", "1080i Output"),
    ("latency in ms", "Latency in ms"),
    ("a value", "a Value"),
])
def test_title_case(text, expected):
    assert title_case(text) == expected


def test_exceptions_keep_their_casing():
    assert is_title_case("CPEIntegration_My Page", ("CPEIntegration_",))
    assert title_case("cpeintegration_my page", ("CPEIntegration_",)) == "CPEIntegration_My Page"
