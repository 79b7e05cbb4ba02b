"""`dmlint server` driven as an editor drives it: a real LSP client over stdio (pytest-lsp).

Each test starts the installed `dmlint server` in its own process, initialises it, opens
documents and checks what comes back: diagnostics (codes, ranges, severities, links, related
places), edits, a code action applied byte for byte, hover, definition, references, symbols,
completion, shutdown. Every wait is bounded (WAIT seconds).
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types as lsp  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

from conftest import EXAMPLES, shared_path  # noqa: E402

WAIT = 60  # seconds: the machine is shared and slow; nothing here should take more than a few
DOCS = "https://docs.example.test/dmlint/"
BIG = "chirangee98__Dataminer-Protocol-IRD-__protocol.xml"

pytestmark = pytest.mark.asyncio(loop_scope="function")


def make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(ls, params: lsp.PublishDiagnosticsParams):
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[lsp.CLIENT_REGISTER_CAPABILITY] = lambda ls, params: None  # as VS Code accepts it
    register_lsp_features(client, features)
    return client


def server_config(**env) -> ClientServerConfig:
    environment = {**os.environ, "DMLINT_DOCS_URL": DOCS, **env}
    return ClientServerConfig(server_command=[sys.executable, "-m", "dmlint", "server"], client_factory=make_client,
                              server_env=environment)


async def start(client: LanguageClient, root: Path | None = None, options: dict | None = None):
    params = lsp.InitializeParams(capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
                                  root_uri=root.as_uri() if root else None, initialization_options=options)
    return await asyncio.wait_for(client.initialize_session(params), WAIT)


@pytest_lsp.fixture(config=server_config())
async def client(lsp_client: LanguageClient):
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), WAIT)


async def published(client: LanguageClient, uri: str, version: int) -> list[lsp.Diagnostic]:
    """The diagnostics the server publishes for this version of the document (bounded wait)."""
    async def wait():
        while True:
            for params in client.published:
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)

    return await asyncio.wait_for(wait(), WAIT)


def open_document(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="xml", version=version, text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def replace_all(client: LanguageClient, uri: str, old: str, new: str, version: int) -> None:
    """Send one incremental change: the whole old text replaced by the new one."""
    lines = old.split("\n")
    end = lsp.Position(line=len(lines) - 1, character=len(lines[-1]))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=end), text=new)]))


def text_at(text: str, range_: lsp.Range) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    start = offsets[range_.start.line] + range_.start.character
    end = offsets[range_.end.line] + range_.end.character
    return text[start:end]


def position_of(text: str, needle: str, within: int = 0) -> lsp.Position:
    """The position `within` characters into the first occurrence of `needle` (ASCII text)."""
    offset = text.index(needle) + within
    line = text.count("\n", 0, offset)
    return lsp.Position(line=line, character=offset - (text.rfind("\n", 0, offset) + 1))


def apply(text: str, edits: list[lsp.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


EXAMPLE = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8")
URL_PARAM = '<Param id="8" trending="false">'


# -- lifecycle and diagnostics -----------------------------------------------------------------------
async def test_initialize_advertises_what_the_server_does(client: LanguageClient):
    result = await start(client)
    capabilities = result.capabilities
    assert result.server_info.name == "dmlint"
    assert capabilities.definition_provider and capabilities.references_provider
    assert capabilities.hover_provider and capabilities.document_symbol_provider
    assert capabilities.code_action_provider and "<" in capabilities.completion_provider.trigger_characters


async def test_open_publishes_diagnostics_with_codes_ranges_and_links(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    diagnostics = await published(client, uri, 1)
    by_code = {d.code: d for d in diagnostics}
    assert set(by_code) == {"WS006", "WS007", "WS010"}  # what `dmlint check` reports on this file
    ws006 = by_code["WS006"]
    assert ws006.severity == lsp.DiagnosticSeverity.Warning and ws006.source == "dmlint"
    assert ws006.range.start == position_of(EXAMPLE, URL_PARAM)  # line 79, column 5 of `check`
    assert text_at(EXAMPLE, ws006.range) == "<Param"
    assert "not saved" in ws006.message
    assert ws006.code_description.href == DOCS + "rules/WS006/"
    assert ws006.data["official"] is None or re.fullmatch(r"[\d.]+", ws006.data["official"])
    assert by_code["WS010"].severity == lsp.DiagnosticSeverity.Information


async def test_a_missing_id_points_at_its_other_uses(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    text = EXAMPLE.replace("</Protocol>", '  <QActions>\n'
                           '    <QAction id="1" name="a" encoding="csharp" triggers="999"/>\n'
                           '    <QAction id="2" name="b" encoding="csharp" triggers="999;8"/>\n'
                           "  </QActions>\n</Protocol>")
    path = tmp_path / "protocol.xml"
    path.write_text(text, encoding="utf-8")
    uri = open_document(client, path, text)
    missing = [d for d in await published(client, uri, 1) if d.code == "QA006"]
    assert len(missing) == 2 and all("999" in d.message for d in missing)
    first, second = sorted(missing, key=lambda d: d.range.start.line)
    (related,) = first.related_information
    assert related.location.uri == uri
    assert related.location.range.start.line == second.range.start.line  # the other QAction
    assert text_at(text, related.location.range) == "999"
    assert "Param 999" in related.message


async def test_an_edit_clears_the_diagnostic_it_fixes(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    assert "WS006" in {d.code for d in await published(client, uri, 1)}
    fixed = EXAMPLE.replace(URL_PARAM, '<Param id="8" trending="false" save="true">')
    replace_all(client, uri, EXAMPLE, fixed, 2)
    codes = {d.code for d in await published(client, uri, 2)}
    assert "WS006" not in codes and "WS007" in codes
    assert path.read_text(encoding="utf-8") == EXAMPLE  # the buffer was linted, not the file


async def test_the_newest_buffer_wins_over_a_burst_of_changes(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    fixed = EXAMPLE.replace(URL_PARAM, '<Param id="8" trending="false" save="true">')
    texts = [EXAMPLE.replace("WebSocket URL", f"WebSocket URL {n}") for n in range(2, 7)] + [fixed]
    previous = EXAMPLE
    for version, text in enumerate(texts, start=2):
        replace_all(client, uri, previous, text, version)
        previous = text
    final = await published(client, uri, len(texts) + 1)
    assert "WS006" not in {d.code for d in final}
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions == sorted(versions)  # never an older version after a newer one
    assert len(versions) < len(texts) + 1  # the burst was debounced: not one lint per change


async def test_save_lints_the_buffer_again(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    count = len(client.published)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))

    async def wait():
        while len(client.published) == count:
            await asyncio.sleep(0.01)

    await asyncio.wait_for(wait(), WAIT)
    assert {d.code for d in client.published[-1].diagnostics} == {"WS006", "WS007", "WS010"}


async def test_a_malformed_buffer_gives_xml001_and_keeps_navigation(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    broken = EXAMPLE.replace("<Name>WebSocketUrl</Name>", "<Name>WebSocketUrl</Nme>")
    replace_all(client, uri, EXAMPLE, broken, 2)
    diagnostics = await published(client, uri, 2)
    assert [d.code for d in diagnostics] == ["XML001"]
    assert diagnostics[0].severity == lsp.DiagnosticSeverity.Error
    assert diagnostics[0].range.start.line == broken[:broken.index("</Nme>")].count("\n")
    # the handshake's session reference still leads to the session, from the last good version
    found = await asyncio.wait_for(client.text_document_definition_async(lsp.DefinitionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(broken, "<WebSocketHandshake>25", len("<WebSocketHandshake>")))), WAIT)
    assert found and text_at(EXAMPLE, found[0].range) == "25"
    assert EXAMPLE.splitlines()[found[0].range.start.line].strip().startswith("<Session")


# -- configuration, as `check` finds it ----------------------------------------------------------------
async def test_the_closest_configuration_applies_and_its_changes_are_seen(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    project = tmp_path / "project"
    (project / "protocols").mkdir(parents=True)
    (project / ".dmlint.toml").write_text('ignore = ["WS006"]\n', encoding="utf-8")
    path = project / "protocols" / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    assert {d.code for d in await published(client, uri, 1)} == {"WS007", "WS010"}
    (project / ".dmlint.toml").write_text('ignore = ["WS007", "WS010"]\n', encoding="utf-8")
    replace_all(client, uri, EXAMPLE, EXAMPLE + "\n", 2)
    assert {d.code for d in await published(client, uri, 2)} == {"WS006"}


async def test_an_excluded_file_gets_no_diagnostics(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    (tmp_path / ".dmlint.toml").write_text('extend-exclude = ["generated"]\n', encoding="utf-8")
    (tmp_path / "generated").mkdir()
    path = tmp_path / "generated" / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    assert await published(client, uri, 1) == []


async def test_options_from_the_client_are_check_options(client: LanguageClient, tmp_path):
    await start(client, tmp_path, {"select": ["WS006"]})
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    assert [d.code for d in await published(client, uri, 1)] == ["WS006"]


# -- hover and code actions ----------------------------------------------------------------------------
async def test_hover_on_a_finding_shows_its_rule(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    hover = await asyncio.wait_for(client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=position_of(EXAMPLE, URL_PARAM, 2))), WAIT)
    from dmlint.core.registry import find_rule

    assert "**WS006**" in hover.contents.value
    assert find_rule("WS006").summary in hover.contents.value
    assert DOCS + "rules/WS006/" in hover.contents.value


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
async def test_the_suppression_action_inserts_exactly_one_comment_line(client: LanguageClient, tmp_path, newline):
    await start(client, tmp_path)
    source = EXAMPLE.replace("\n", newline)
    path = tmp_path / "protocol.xml"
    path.write_bytes(source.encode("utf-8"))
    uri = open_document(client, path, source)
    diagnostics = await published(client, uri, 1)
    ws006 = next(d for d in diagnostics if d.code == "WS006")
    actions = await asyncio.wait_for(client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=ws006.range,
        context=lsp.CodeActionContext(diagnostics=[ws006]))), WAIT)
    action = next(a for a in actions if a.title.startswith("Suppress WS006"))
    edits = action.edit.changes[uri]
    result = apply(source, edits)
    indent = "    "  # the Param's own indentation in the example
    comment_line = f"{indent}<!-- dmlint: disable-next=WS006 reason -->{newline}"
    at = source.index(indent + URL_PARAM)
    assert result == source[:at] + comment_line + source[at:]  # nothing else changed, not one byte
    replace_all(client, uri, source, result, 2)
    codes = {d.code for d in await published(client, uri, 2)}
    assert "WS006" not in codes and "SUP001" not in codes and "WS007" in codes


async def code_actions(client: LanguageClient, uri: str, range_: lsp.Range, diagnostics, only=None):
    return await asyncio.wait_for(client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=range_,
        context=lsp.CodeActionContext(diagnostics=diagnostics, only=only))), WAIT)


async def test_the_rules_fix_is_a_code_action_that_changes_only_its_bytes(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    source = EXAMPLE.replace("\n", "\r\n")
    path = tmp_path / "protocol.xml"
    path.write_bytes(source.encode("utf-8"))
    uri = open_document(client, path, source)
    ws006 = next(d for d in await published(client, uri, 1) if d.code == "WS006")
    actions = await code_actions(client, uri, ws006.range, [ws006])
    fix = next(a for a in actions if a.title.startswith("Fix WS006"))
    assert fix.is_preferred and fix.kind == lsp.CodeActionKind.QuickFix
    result = apply(source, fix.edit.changes[uri])
    assert result == source.replace(URL_PARAM, URL_PARAM[:-1] + ' save="true">')  # the rule's fix
    assert result.count("\r\n") == source.count("\r\n")
    replace_all(client, uri, source, result, 2)
    assert "WS006" not in {d.code for d in await published(client, uri, 2)}


async def test_fix_all_applies_every_allowed_fix(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    source = EXAMPLE.replace('<Param id="8" trending="false">', '<Param id=" 8 " trending="false">')
    path = tmp_path / "protocol.xml"
    path.write_text(source, encoding="utf-8")
    uri = open_document(client, path, source)
    codes = {d.code for d in await published(client, uri, 1)}
    assert {"PRM004", "WS006"} <= codes
    whole = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0))
    actions = await code_actions(client, uri, whole, [], only=[lsp.CodeActionKind.SourceFixAll])
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.dmlint"
    result = apply(source, fix_all.edit.changes[uri])
    assert result == EXAMPLE.replace(URL_PARAM, URL_PARAM[:-1] + ' save="true">')
    replace_all(client, uri, source, result, 2)
    assert not {"PRM004", "WS006"} & {d.code for d in await published(client, uri, 2)}


async def test_no_traceback_reaches_the_client(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    unknown = (tmp_path / "never-opened.xml").as_uri()
    assert await asyncio.wait_for(client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=unknown), position=lsp.Position(line=0, character=0))),
        WAIT) is None
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    far = lsp.Position(line=10_000, character=10_000)
    for request in (client.text_document_definition_async, client.text_document_hover_async):
        await asyncio.wait_for(request(lsp.DefinitionParams(text_document=lsp.TextDocumentIdentifier(uri=uri),
                                                            position=far)), WAIT)
    assert not [m for m in client.messages if "Traceback" in m.message or "Error in server" in m.message]


# -- navigation on a real protocol ----------------------------------------------------------------------
def _real_protocol():
    return shared_path("corpus", "real", BIG)


async def test_definition_and_references_across_a_real_protocol(client: LanguageClient):
    path = _real_protocol()
    text = path.read_text(encoding="utf-8")
    await start(client, path.parent)
    uri = open_document(client, path, text)
    await published(client, uri, 1)
    # Param 4 is the destination of many copy actions: <Type id="4">copy</Type>
    site = '<Type id="4">copy</Type>'
    expected_sites = text.count(site)
    assert expected_sites >= 3
    found = await asyncio.wait_for(client.text_document_definition_async(lsp.DefinitionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=position_of(text, site, len('<Type id="')))),
        WAIT)
    assert len(found) == 1
    definition_line = text.split("\n")[found[0].range.start.line]
    assert text_at(text, found[0].range) == "4" and '<Param id="4"' in definition_line
    # find references from the definition: every site naming Param 4, and the declaration
    references = await asyncio.wait_for(client.text_document_references_async(lsp.ReferenceParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=found[0].range.start,
        context=lsp.ReferenceContext(include_declaration=True))), WAIT)
    assert all(text_at(text, location.range) == "4" for location in references)
    assert references[0].range == found[0].range
    lines = [text.split("\n")[location.range.start.line] for location in references[1:]]
    assert sum(site in line for line in lines) == expected_sites
    independent = len(re.findall(r'<Type id="4">(?:copy|copy reverse|set next|timeout)</Type>', text))
    assert len(references) - 1 >= independent


async def test_document_symbols_of_a_real_protocol(client: LanguageClient):
    path = _real_protocol()
    text = path.read_text(encoding="utf-8")
    await start(client, path.parent)
    uri = open_document(client, path, text)
    await published(client, uri, 1)
    symbols = await asyncio.wait_for(client.text_document_document_symbol_async(lsp.DocumentSymbolParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri))), WAIT)
    by_name = {symbol.name: symbol for symbol in symbols}
    params = by_name["Params"]
    params_block = re.sub(r"<!--.*?-->", "", text[text.index("<Params>"):text.index("</Params>")], flags=re.DOTALL)
    assert len(params.children) == len(re.findall(r"<Param\s", params_block))  # this protocol nests none
    first = params.children[0]
    assert first.name.startswith(re.search(r'<Param id="(\d+)"', params_block).group(1) + " ")
    assert text_at(text, first.selection_range) == first.name.split()[0]
    assert "QActions" in by_name and by_name["QActions"].children


# -- schema-aware editing -------------------------------------------------------------------------------
async def test_completion_offers_what_the_schema_allows(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    typed = EXAMPLE.replace(URL_PARAM, '<Param id="8" trending="false" save="')
    replace_all(client, uri, EXAMPLE, typed, 2)
    await published(client, uri, 2)
    cursor = position_of(typed, 'save="', len('save="'))
    result = await asyncio.wait_for(client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=cursor)), WAIT)
    assert {"true", "false"} <= {item.label for item in result.items}
    typed_element = EXAMPLE.replace("<Name>WebSocketUrl</Name>", "<Name>WebSocketUrl</Name><")
    replace_all(client, uri, typed, typed_element, 3)
    await published(client, uri, 3)
    cursor = position_of(typed_element, "</Name><", len("</Name><"))
    result = await asyncio.wait_for(client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=cursor)), WAIT)
    labels = {item.label for item in result.items}
    assert {"Description", "Display", "Interprete"} <= labels
    assert "Name" not in labels  # Param has its Name already and may have one only
    assert "Session" not in labels  # not a child of Param


async def test_hover_shows_the_configured_schemas_documentation(client: LanguageClient, tmp_path):
    xsd = shared_path("skyline-xsd", "protocol.xsd")
    await start(client, tmp_path, {"schema": str(xsd)})
    path = tmp_path / "protocol.xml"
    path.write_text(EXAMPLE, encoding="utf-8")
    uri = open_document(client, path)
    await published(client, uri, 1)
    hover = await asyncio.wait_for(client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=position_of(EXAMPLE, URL_PARAM, 2))), WAIT)
    assert "**Param** (element, protocol.xsd)" in hover.contents.value
    assert "Defines a parameter" in hover.contents.value


async def test_shutdown_ends_the_server(tmp_path):
    client = await server_config().start()
    try:
        await start(client, tmp_path)
        await asyncio.wait_for(client.shutdown_session(), WAIT)
        assert client._server.returncode == 0
    finally:
        await asyncio.wait_for(client.stop(), WAIT)
