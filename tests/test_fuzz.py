"""Property-based fuzzing: mutated real protocols and WebSocket fixtures never crash dmlint.

Seeds: the example protocols, every XML fixture under tests/fixtures, and the real
protocols of ../shared/corpus/real up to 200 KB (when ../shared is there). Mutations:
truncation, byte flips, inserted and deleted tags and attributes, duplicated ids, and
a WebSocket custom-handshake block grafted into a real protocol.

Properties: no exception (no traceback), valid JSON, exit code in {0, 1, 2}, no INT001
(a rule crashing), and XML001 exactly when lxml cannot parse the bytes.

Most examples run the `check` command in-process (click's runner, fast); a seeded batch
goes through the installed script. `DMLINT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`
runs more (and randomized; the default run is derandomized so CI is reproducible).
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from dmlint.cli import cli

from conftest import EXAMPLES, FIXTURES, SHARED, run_dmlint

EXAMPLES_COUNT = int(os.environ.get("DMLINT_FUZZ_EXAMPLES", "500"))
SEED_LIMIT = 200_000  # bytes: keeps a few hundred examples within seconds


def _seeds() -> list[tuple[str, bytes]]:
    paths = sorted(EXAMPLES.glob("*.xml"))
    if FIXTURES.is_dir():
        paths += sorted(FIXTURES.rglob("*.xml"))
    real = SHARED / "corpus" / "real"
    if real.is_dir():  # skipped silently for a fresh clone: the fixtures still run
        paths += sorted(p for p in real.glob("*.xml") if p.stat().st_size <= SEED_LIMIT)
    return [(p.name, p.read_bytes()) for p in paths if p.is_file()]


SEEDS = _seeds()
EXAMPLE_TEXT = (EXAMPLES / "websocket-handshake.xml").read_bytes()
# The example's WebSocket connection and handshake session, to graft into protocols without them.
GRAFT = b"".join(etree.tostring(element, encoding="utf-8").split(b"?>", 1)[-1]
                 for element in etree.fromstring(EXAMPLE_TEXT)
                 if isinstance(element.tag, str) and etree.QName(element).localname in ("Connections", "HTTP"))

TAGS = [b"<Param id=\"8\">", b"</Param>", b"<Params>", b"</Params>", b"<Header key=\"X-A\" pid=\"9\"/>",
        b"<WebSocketHandshake>25</WebSocketHandshake>", b"<WebSocketHandshake></WebSocketHandshake>",
        b"<Session id=\"25\">", b"</Session>", b"<Connection id=\"1\">", b"<Request pid=\"8\"/>",
        b"<Response statusCode=\"220\"><Content pid=\"270\"/></Response>", b"<WebSocket>true</WebSocket>",
        b"<Type options=\"dynamic ip 1\">write</Type>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"&", b"<",
        b"&amp;", b"&#0;", b"&#x10FFFF;", b"\xef\xbb\xbf", b"\x00", b"\xff\xfe", b"<?xml version=\"1.0\"?>"]
ATTRIBUTES = [b' id="8"', b' pid="9"', b' pid="70000"', b' url="8"', b' url="ws://x"', b' save="true"',
              b' statusCode="x"', b' id=""', b' pid=" 007 "', b' options="dynamic ip"', b' id="1" id="2"',
              b' xmlns="urn:other"', b' xmlns:p="http://www.skyline.be/protocol"', b" key='Host'"]
START_TAG = re.compile(rb"<[A-Za-z][\w:.-]*")
WHOLE_TAG = re.compile(rb"<[^<>]*>")
ATTRIBUTE = re.compile(rb"\s[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*')")
ID_VALUE = re.compile(rb"\b(?:id|pid)=\"(\d+)\"")


class HypothesisChoices:
    """The choices a mutation makes, drawn by hypothesis (so failing examples shrink)."""

    def __init__(self, draw):
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def choice(self, options):
        return self.draw(st.sampled_from(options))


class SeededChoices:
    """The same choices from a seeded random generator, for the batch through the script."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self.random.randint(low, high)

    def choice(self, options):
        return self.random.choice(options)


def _one_of(pick, matches):
    return matches[pick.integer(0, len(matches) - 1)] if matches else None


def truncate(pick, data: bytes) -> bytes:
    return data[: pick.integer(0, len(data))]


def flip_bytes(pick, data: bytes) -> bytes:
    if not data:
        return data
    mutable = bytearray(data)
    for _ in range(pick.integer(1, 4)):
        mutable[pick.integer(0, len(mutable) - 1)] ^= pick.integer(1, 255)
    return bytes(mutable)


def insert_tag(pick, data: bytes) -> bytes:
    at = pick.integer(0, len(data))
    return data[:at] + pick.choice(TAGS) + data[at:]


def delete_tag(pick, data: bytes) -> bytes:
    match = _one_of(pick, list(WHOLE_TAG.finditer(data)))
    return data if match is None else data[: match.start()] + data[match.end():]


def insert_attribute(pick, data: bytes) -> bytes:
    match = _one_of(pick, list(START_TAG.finditer(data)))
    if match is None:
        return data
    return data[: match.end()] + pick.choice(ATTRIBUTES) + data[match.end():]


def delete_attribute(pick, data: bytes) -> bytes:
    match = _one_of(pick, list(ATTRIBUTE.finditer(data)))
    return data if match is None else data[: match.start()] + data[match.end():]


def duplicate_id(pick, data: bytes) -> bytes:
    matches = list(ID_VALUE.finditer(data))
    source, target = _one_of(pick, matches), _one_of(pick, matches)
    if source is None:
        return data
    return data[: target.start(1)] + source.group(1) + data[target.end(1):]


def graft_websocket(pick, data: bytes) -> bytes:
    at = data.rfind(b"</Protocol>")
    return data if at < 0 else data[:at] + GRAFT + data[at:]


# Structural mutations listed twice: most of them keep the XML well-formed, so the rules run.
MUTATIONS = [truncate, flip_bytes, insert_tag, delete_tag] + 2 * [insert_attribute, delete_attribute,
                                                                   duplicate_id, graft_websocket]


def mutate(pick, seeds) -> tuple[str, bytes]:
    name, data = pick.choice(seeds)
    for _ in range(pick.integer(1, 4)):
        data = pick.choice(MUTATIONS)(pick, data)
    return name, data


@st.composite
def mutants(draw) -> tuple[str, bytes]:
    return mutate(HypothesisChoices(draw), SEEDS)


def lxml_cannot_parse(data: bytes) -> bool:
    """The oracle: lxml's own verdict, with entity expansion and network off as in any safe use."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(data, parser) is None
    except (etree.XMLSyntaxError, ValueError):
        return True


def check_properties(name: str, data: bytes, codes: list[str]) -> None:
    if lxml_cannot_parse(data):
        assert codes == ["XML001"], (name, codes)
    else:
        assert "XML001" not in codes, (name, codes)
    assert "INT001" not in codes, (name, codes)  # a rule crashed on this input


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "mutant.xml"


@settings(max_examples=EXAMPLES_COUNT, deadline=None, derandomize="DMLINT_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(mutant=mutants())
def test_mutated_protocols_in_process(fuzz_file, mutant):
    """The `check` command run in-process (click's runner): all of it but the interpreter start."""
    name, data = mutant
    fuzz_file.write_bytes(data)
    runner = CliRunner()
    as_json = runner.invoke(cli, ["check", "--format", "json", "-j", "1", "--select", "ALL", str(fuzz_file)])
    assert as_json.exception is None or isinstance(as_json.exception, SystemExit), as_json.exc_info
    assert as_json.exit_code in (0, 1, 2)
    document = json.loads(as_json.stdout)
    codes = [f["code"] for f in document["findings"]]
    assert as_json.exit_code == (1 if document["summary"]["error"] + document["summary"]["warning"] else 0)
    as_text = runner.invoke(cli, ["check", "-j", "1", "--select", "ALL", str(fuzz_file)])
    assert as_text.exception is None or isinstance(as_text.exception, SystemExit), as_text.exc_info
    assert as_text.exit_code == as_json.exit_code
    check_properties(name, data, codes)


def test_mutated_protocols_through_the_installed_script(tmp_path):
    """A seeded batch of mutants, in one run of the real `dmlint` (with workers), then a few alone."""
    pick = SeededChoices(6)
    files = {}
    for i in range(60):
        seed_name, data = mutate(pick, SEEDS)
        path = tmp_path / f"mutant-{i:02}.xml"
        path.write_bytes(data)
        files[path.name] = (seed_name, data)

    result = run_dmlint("check", str(tmp_path), "--format", "json", "-j", "2")
    assert result.returncode in (0, 1, 2)
    assert b"Traceback" not in result.stderr
    document = json.loads(result.stdout)
    by_file: dict[str, list[str]] = {name: [] for name in files}
    for finding in document["findings"]:
        by_file[Path(finding["path"]).name].append(finding["code"])
    for file_name, (seed_name, data) in files.items():
        codes = by_file[file_name]
        check_properties(f"{file_name} from {seed_name}", data, ["XML001"] if codes == ["XML001"] else codes)
    for file_name in list(files)[:8]:  # single-file runs, text output: exit code and no traceback
        single = run_dmlint("check", str(tmp_path / file_name))
        assert single.returncode in (0, 1) and b"Traceback" not in single.stderr
