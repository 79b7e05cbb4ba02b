"""The language server's parts that need no client: positions, buffers, options, navigation,
schema help. (tests/test_server.py drives the whole server over stdio.)"""

from __future__ import annotations

import pytest

from dmlint.core.parser import parse
from dmlint.model import build_model
from dmlint.server.navigation import Navigation, Target
from dmlint.server.project import ServerOptions
from dmlint.server.text import ElementSpans, TextIndex, buffer_bytes, finding_span, token_spans

from conftest import EXAMPLES, shared_path

EXAMPLE = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8")


# -- positions -------------------------------------------------------------------------------
def test_positions_count_utf16_units_as_lsp_requires():
    text = "<a>\n<b x='\U0001F600é'/>\n</a>"  # an emoji is two UTF-16 units, é one
    index = TextIndex(text)
    after_emoji = text.index("é")
    assert index.position(after_emoji) == (1, 8)  # `<b x='` is 6 units, the emoji 2
    assert index.offset(1, 8) == after_emoji
    assert TextIndex(text, "utf-32").position(after_emoji) == (1, 7)
    assert TextIndex(text, "utf-8").position(after_emoji) == (1, 10)  # the emoji is 4 bytes
    assert index.offset(1, 999) == text.index("\n</a>")  # clamped to the line
    assert index.offset(99, 0) == len(text)


def test_line_endings_are_read_from_the_line():
    text = "<a>\r\n<b/>\n<c/>"
    index = TextIndex(text)
    assert index.line_ending(1) == "\r\n" and index.line_ending(2) == "\n"
    assert index.line_ending(3) == "\r\n"  # the last line has none: the text's first one


def test_a_diagnostic_underlines_the_name_the_attribute_or_the_word():
    text = '<Param id="8" save="x">value here</Param>'
    assert finding_span(text, 0) == (0, len("<Param"))
    at = text.index("save")
    assert text[slice(*finding_span(text, at))] == 'save="x"'
    at = text.index("value")
    assert text[slice(*finding_span(text, at))] == "value"
    assert finding_span(text, len(text)) == (len(text) - 1, len(text))


def test_tokens_are_whole_ids():
    text = "id:112 == 12 and id:12"
    spans = token_spans(text, (0, len(text)), ["12", "12"])
    assert [text[slice(*span)] for span in spans] == ["12", "12"]
    assert spans[0][0] == text.index(" 12") + 1


@pytest.mark.parametrize("encoding", ["utf-8", "iso-8859-1", "utf-16", "windows-1252"])
def test_a_buffer_is_linted_as_the_text_the_editor_shows(encoding):
    text = f'<?xml version="1.0" encoding="{encoding}"?>\n<Protocol><Name>Café ü</Name></Protocol>'
    document = parse("p.xml", buffer_bytes(text))
    assert document.text == text
    assert document.root[0].text == "Café ü"


def test_a_buffer_its_declared_encoding_cannot_hold_is_sent_as_utf8():
    text = '<?xml version="1.0" encoding="iso-8859-1"?>\n<Protocol><Name>\u20ac</Name></Protocol>'
    assert buffer_bytes(text) == text.encode("utf-8")


# -- options ---------------------------------------------------------------------------------
def test_client_options_map_onto_check_options():
    options, warnings = ServerOptions.from_client(
        {"dmlint": {"select": "WS", "ignore": ["WS006"], "noSchema": True, "debounce": 10, "bogus": 1}})
    assert options.select == ("WS",) and options.ignore == ("WS006",)
    assert options.no_schema is True and options.debounce_ms == 10
    assert warnings == ["unknown setting 'bogus' (known: configuration, isolated, select, extendSelect, ignore, "
                        "schema, noSchema, debounce, docsUrl)"]
    _, warnings = ServerOptions.from_client({"debounce": "soon", "isolated": "yes", "select": [1]})
    assert len(warnings) == 3


# -- navigation ------------------------------------------------------------------------------
def _navigation(text: str) -> Navigation:
    return Navigation(build_model(parse("p.xml", text.encode("utf-8"))))


def test_every_reference_of_the_example_is_found_at_its_token():
    navigation = _navigation(EXAMPLE)
    text = navigation.document.text
    assert navigation.model.all_references
    for reference in navigation.model.all_references:
        span = navigation.span_of(reference)
        assert span is not None and text[slice(*span)] == reference.raw.strip(), reference.site.name
        found = navigation.reference_at(span[0])
        assert found is not None and found[1] == span


def test_definition_of_the_handshake_session_and_its_references():
    navigation = _navigation(EXAMPLE)
    text = navigation.document.text
    offset = text.index("<WebSocketHandshake>25") + len("<WebSocketHandshake>")
    target = navigation.target_at(offset)
    assert target == Target("session", "25")
    (session,) = navigation.definitions(target)
    assert text[slice(*navigation.definition_span(target, session))] == "25"
    assert navigation.definition_at(navigation.definition_span(target, session)[0]) == (target, session)
    assert [text[slice(*span)] for _, span in navigation.references(target)] == ["25"]


def test_start_tags_pair_with_elements_in_a_real_protocol():
    path = shared_path("corpus", "real", "SkylineCommunications__SLC-C-Example_Inter-App-Calls__FromSVN_protocol.xml")
    document = parse(str(path), path.read_bytes())
    spans = ElementSpans(document)
    elements = [element for element in document.root.iter() if isinstance(element.tag, str)]
    for element in elements[:: max(1, len(elements) // 200)]:
        line, column = document.locate(element)
        assert spans.start(element) == document.lines.start(line) + column - 1


def test_symbols_name_each_element_by_id_and_name():
    navigation = _navigation(EXAMPLE)
    text = navigation.document.text
    symbols = {symbol.name: symbol for symbol in navigation.symbols()}
    params = symbols["Params"]
    import re

    expected = re.findall(r'<Param id="(\d+)"[^>]*>\s*<Name>([^<]*)</Name>', text)
    assert [child.name for child in params.children] == [f"{pid} {name}" for pid, name in expected]
    assert params.children[1].name == "8 WebSocketUrl"
    for child in params.children:
        assert text[slice(*child.span)].startswith("<Param")
        assert text[slice(*child.selection)] == child.name.split()[0]
        assert child.span[0] <= child.selection[0] <= child.selection[1] <= child.span[1]


# -- schema help -----------------------------------------------------------------------------
def test_completion_from_the_bundled_schema():
    from dmlint.server.schema_help import SchemaHelp

    help_ = SchemaHelp.for_path(None)
    text = '<Protocol xmlns="http://www.skyline.be/protocol"><Params><Param id="1" save="tr'
    found = help_.complete(text, len(text))
    assert found.start == len(text) - 2 and "true" in [item.label for item in found.items]
    text = '<Protocol><Params><Param id="1" '
    labels = [item.label for item in help_.complete(text, len(text)).items]
    assert "save" in labels and "id" not in labels  # id is there already
    text = "<Protocol><Params></"
    assert [item.insert for item in help_.complete(text, len(text)).items] == ["Params>"]
    text = "<Protocol><!-- <"
    assert help_.complete(text, len(text)) is None


def test_hover_documentation_reads_the_tree_or_the_text_alike():
    from dmlint.server.schema_help import SchemaHelp

    help_ = SchemaHelp.for_path(None)
    navigation = _navigation(EXAMPLE)
    text = navigation.document.text
    offset = text.index('<Param id="8"') + 2
    assert navigation.ancestors_of_tag_at(offset - 2) == ("Protocol", "Params")
    from_tree = help_.documentation_at(text, offset, navigation.ancestors_of_tag_at)
    assert from_tree is not None and from_tree.startswith("**Param** (element, protocol-core.xsd)")
    assert from_tree == help_.documentation_at(text, offset)
    attribute = help_.documentation_at(text, text.index('trending="false"', offset) + 1)
    assert attribute.startswith("**Param@trending**") and "`true`" in attribute


def test_without_the_server_extra_the_command_says_what_to_install():
    import subprocess
    import sys

    probe = ("import sys\n"
             "sys.modules['pygls'] = None  # as if the server extra were not installed\n"
             "from dmlint.cli import main\n"
             "sys.argv = ['dmlint', 'server']\n"
             "main()\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dmlint: error: the language server needs packages that are not installed (pygls): "
        "pip install 'dmlint[server]'"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_incremental_changes_give_the_text_pygls_gives(encoding):
    from lsprotocol import types as lsp
    from pygls.workspace import TextDocument
    from pygls.workspace.position_codec import PositionCodec

    from dmlint.server.lsp import BufferDocument

    source = "<a>\r\n  <b x='\U0001F600é'>tëxt</b>\n</a>\n"
    codec = PositionCodec(encoding)
    ours = BufferDocument("file:///p.xml", source, 1, position_codec=codec)
    theirs = TextDocument("file:///p.xml", source, 1, position_codec=codec)

    def change(start, end, text):
        return lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)), text=text)

    emoji = 2 if encoding == "utf-16" else 4 if encoding == "utf-8" else 1
    accent = 2 if encoding == "utf-8" else 1
    after = 8 + emoji + accent  # `  <b x='` is 8 units
    changes = [change((1, after), (1, after), "Z"),  # after the accented letter
               change((0, 3), (1, 2), "\n"),  # across a CRLF line end
               change((2, 0), (2, 0), "<c/>"),  # at the start of the last line
               change((0, 0), (0, 1), "")]
    for each in changes:
        ours.apply_change(each)
        theirs.apply_change(each)
        assert ours.source == theirs.source
    assert "éZ'" in ours.source


def test_a_failing_lint_is_one_diagnostic_not_a_traceback(tmp_path, monkeypatch):
    from dmlint.server import lsp as server_module

    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    buffer = server_module.Buffer(path.as_uri(), str(path))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(server_module, "lint_bytes", broken)
    outcome = server_module.server.lint_snapshot(buffer, EXAMPLE, 1)  # the engine itself failed
    assert [d.code for d in outcome.diagnostics] == ["INT001"]
    assert "RuntimeError: boom" in outcome.diagnostics[0].message
    assert len(outcome.findings) == len(outcome.diagnostics)
    outcome = server_module.server.failed(buffer, EXAMPLE, 1, KeyError("x"))  # anything around it
    assert [d.code for d in outcome.diagnostics] == ["INT001"] and len(outcome.findings) == 1
    assert "Traceback" not in outcome.diagnostics[0].message


def test_a_timers_group_leads_to_the_group_in_a_real_protocol():
    """Sections name each other too (Timer -> Group -> Pair/Action/Param): a row of
    REFERENCE_SITES is all navigation needs."""
    path = shared_path("corpus", "real", "chirangee98__Dataminer-Protocol-IRD-__protocol.xml")
    navigation = Navigation(build_model(parse(str(path), path.read_bytes())))
    text = navigation.document.text
    uses = [reference for reference in navigation.model.all_references
            if reference.site.name == "Timer/Content/Group"]
    assert uses
    for reference in uses:
        span = navigation.span_of(reference)
        target = navigation.target_at(span[0])
        assert target == Target("group", reference.raw.strip())
        (group,) = navigation.definitions(target)
        assert text[slice(*navigation.definition_span(target, group))] == reference.raw.strip()
        assert text[navigation.spans.start(group):].startswith("<Group")
