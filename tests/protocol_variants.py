"""Protocol texts for the integration tests, derived from examples/websocket-handshake.xml.

The example gives exactly WS010 (line 34), WS006 (line 79) and WS007 (line 158);
`clean_text()` fixes all three. Every edit asserts that its anchor is present, so a
change to the example fails loudly here instead of making tests pass vacuously.
"""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES

EXAMPLE = EXAMPLES / "websocket-handshake.xml"
EXAMPLE_FINDINGS = {("WS010", 34), ("WS006", 79), ("WS007", 158)}


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) == count, f"anchor {old!r} found {text.count(old)} times, expected {count}"
    return text.replace(old, new)


# Shown, on a page and explained: RTDisplay without anything that shows the parameter is a finding
# (PRM103), and a shown parameter needs a subtext (PRM148).
DISPLAYED = ("      <Information><Subtext>Shown on the General page.</Subtext></Information>\n"
             "      <Display>\n        <RTDisplay>true</RTDisplay><Positions><Position><Page>General</Page><Row>2</Row>"
             "<Column>0</Column></Position></Positions>\n      </Display>\n")


def clean_text() -> str:
    text = example_text()
    text = edit(text, '<Param id="8" trending="false">', '<Param id="8" trending="false" save="true">')  # WS006
    text = edit(text, '<Content pid="270"/>', '<Content pid="11"/>')  # WS007: existing parameter ...
    text = edit(text, "        <Type>string</Type>\n      </Interprete>\n    </Param>\n",
                "        <Type>string</Type>\n      </Interprete>\n" + DISPLAYED + "    </Param>\n", count=3)
    text = edit(text, "  </Params>",  # WS010: a dynamic ip parameter allows reconnecting
                '    <Param id="12">\n      <Name>PollingAddress</Name>\n      <Type options="dynamic ip">read</Type>\n'
                "      <Interprete><LengthType>next param</LengthType><Type>string</Type>"
                "<DefaultValue>127.0.0.1:8050</DefaultValue></Interprete>\n"
                "    </Param>\n  </Params>")
    return text


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of `needle`."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def write(base: Path, relative: str, text: str) -> Path:
    path = base / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
