"""One mistake, one finding (issue 12, problems 4 and 5), through the installed script.

The schema half: findings that only follow from a misspelling or a misplaced element that
XSD001 reports are left out, and the bundled schema catches the misspellings inside the parts
the rules and `dmlint live` read (UserSettings, Param's attributes, HTTP session attributes).
"""

from __future__ import annotations

import json

import pytest

from conftest import run_dmlint
from protocol_variants import EXAMPLE_FINDINGS, edit, example_text, line_of, write


def _found(tmp_path, text, *args):
    write(tmp_path, "protocol.xml", text)
    result = run_dmlint("check", "protocol.xml", "--format", "json", *args, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return [(f["code"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def test_a_misspelt_section_gives_one_finding_not_eleven(tmp_path):
    """Problem 4: <Params> renamed to <Parms> gave one XSD001 and 11 follow-ons."""
    text = edit(edit(example_text(), "<Params>", "<Parms>"), "</Params>", "</Parms>")
    found = _found(tmp_path, text)
    line = line_of(text, "<Parms>")
    assert [(code, at) for code, at, _ in found] == [("WS010", 34), ("XSD001", line)]
    assert found[1][2] == "unexpected element <Parms> in <Protocol>; did you mean <Params>?"
    # Without the XSD001 (not selected), the rules' findings are all there is: nothing is hidden.
    unexplained = {code for code, _, _ in _found(tmp_path, text, "--ignore", "XSD001")}
    # Header and URL pids: HTTP006, once each; the command's content: CMD005.
    assert {"HTTP006", "CMD005", "WS011"} <= unexplained


def test_findings_inside_an_unexpected_element_are_left_out(tmp_path):
    """A whole Session placed where it does not belong: its content is not judged on its own."""
    text = edit(example_text(), "<HTTP>", "<HTTP>\n    <Sessions>")
    text = edit(text, "</HTTP>", "    </Sessions>\n  </HTTP>")
    codes = [code for code, _, _ in _found(tmp_path, text)]
    assert codes.count("XSD001") == 1, codes
    assert "HTTP006" not in codes  # a pid inside the misplaced element


def test_the_bundled_schema_catches_a_misspelt_user_setting(tmp_path):
    """Problem 5: <IPport><DefaultValu> gave no finding (and `dmlint live` then had no port)."""
    text = edit(example_text(), "<DefaultValue>8050</DefaultValue>", "<DefaultValu>8050</DefaultValu>")
    found = _found(tmp_path, text)
    assert ("XSD001", line_of(text, "<DefaultValu>"),
            "unexpected element <DefaultValu> in <IPport>; did you mean <DefaultValue>?") in found
    assert {(code, at) for code, at, _ in found} - {("XSD001", line_of(text, "<DefaultValu>"))} == EXAMPLE_FINDINGS


def test_the_bundled_schema_catches_a_misspelt_param_attribute_and_hides_its_follow_on(tmp_path):
    """Problem 5: <Param sav="true"> gave no finding, only WS006 "not saved"."""
    anchor = '<Param id="8" trending="false">'
    text = edit(example_text(), anchor, '<Param id="8" trending="false" sav="true">')
    found = _found(tmp_path, text)
    line = line_of(text, 'sav="true"')
    assert ("XSD001", line, "attribute 'sav' is not allowed on <Param>; did you mean 'save'?") in found
    assert ("WS006", line) not in {(code, at) for code, at, _ in found}  # it only follows from the typo
    assert ("WS006", line) in {(code, at) for code, at, _ in _found(tmp_path, text, "--ignore", "XSD001")}


@pytest.mark.parametrize("old, new, message", [
    ('<Session id="25"', '<Session id="25" usrName="5"',
     "attribute 'usrName' is not allowed on <Session>; did you mean 'userName'?"),
    ('<Request verb="GET"', '<Request verb="GET" ur="x"',
     "attribute 'ur' is not allowed on <Request>; did you mean 'url'?"),
    ("<TimeoutTime>", "<TimeoutTime><Disable>true</Disable>",
     "unexpected element <Disable> in <TimeoutTime>; did you mean <Disabled>?"),
])
def test_other_misspellings_where_the_rules_read(tmp_path, old, new, message):
    text = edit(example_text(), old, new)
    assert message in [m for code, _, m in _found(tmp_path, text) if code == "XSD001"]
