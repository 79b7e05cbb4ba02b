"""Fixes touch only the bytes of their edits: --fix, --diff, --unsafe-fixes, fixable/unfixable."""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess

import pytest

from dmlint.core.fixes import Edit, Fix, apply, remove_attribute, replace_text, set_attribute, trim_attribute, trim_text
from dmlint.core.parser import parse

from conftest import EXAMPLES, run_dmlint, shared_path


def doc(text: str):
    return parse("t.xml", text.encode("utf-8"))


def first(document, name):
    return next(document.root.iter("{*}" + name))


def edited(document, *edits):
    text, _ = apply(document.text, [Fix(tuple(edits))])
    return text


@pytest.mark.parametrize(("source", "expected"), [
    ('<Protocol><Param id=" 7 "/></Protocol>', '<Protocol><Param id="7"/></Protocol>'),
    ("<Protocol><Param  id = ' 7\t'  a='b'/></Protocol>", "<Protocol><Param  id = '7'  a='b'/></Protocol>"),
    ('<Protocol><Param xid="1" id=" &#32;7 "/></Protocol>', '<Protocol><Param xid="1" id="&#32;7"/></Protocol>'),
])
def test_trim_attribute_keeps_quotes_spacing_and_entities(source, expected):
    document = doc(source)
    assert edited(document, trim_attribute(document, first(document, "Param"), "id")) == expected


def test_trim_text_on_a_leaf_only_and_never_through_cdata():
    document = doc("<Protocol>\r\n  <Type> read </Type>\r\n  <Name><![CDATA[ x ]]></Name>\r\n</Protocol>")
    assert edited(document, trim_text(document, first(document, "Type"))) == \
        "<Protocol>\r\n  <Type>read</Type>\r\n  <Name><![CDATA[ x ]]></Name>\r\n</Protocol>"
    assert trim_text(document, first(document, "Name")) is None
    assert trim_text(document, document.root) is None  # not a leaf


def test_set_attribute_adds_at_the_end_of_the_start_tag():
    document = doc('<Protocol><Param id="8"/><Param id="9" >x</Param></Protocol>')
    params = list(document.root)
    assert edited(document, set_attribute(document, params[0], "save", "true")) == \
        '<Protocol><Param id="8" save="true"/><Param id="9" >x</Param></Protocol>'
    assert edited(document, set_attribute(document, params[1], "save", 'a"b')) == \
        '<Protocol><Param id="8"/><Param id="9" save="a&quot;b" >x</Param></Protocol>'
    assert edited(document, set_attribute(document, params[1], "id", "10")) == \
        '<Protocol><Param id="8"/><Param id="10" >x</Param></Protocol>'


def test_remove_attribute_and_replace_text():
    document = doc('<Protocol><Type a="1"  options="" b="2">read</Type></Protocol>')
    element = first(document, "Type")
    assert edited(document, remove_attribute(document, element, "options")) == \
        '<Protocol><Type a="1" b="2">read</Type></Protocol>'
    assert edited(document, replace_text(document, element, "write & <bit>")) == \
        '<Protocol><Type a="1"  options="" b="2">write &amp; &lt;bit&gt;</Type></Protocol>'


def test_overlapping_fixes_wait_for_the_next_round():
    fixes = [Fix((Edit(0, 3, "abc"),)), Fix((Edit(2, 4, "X"),)), Fix((Edit(5, 6, "Y"),))]
    text, applied = apply("0123456", fixes)
    assert text == "abc34Y6" and len(applied) == 2


# -- the command line -------------------------------------------------------------------------
def padded_example(tmp_path, *, crlf=False, bom=True, encoding="utf-8"):
    """The example with Param ids padded (PRM004, fixable) in a file written with the given bytes."""
    text = (EXAMPLES / "websocket-handshake.xml").read_text(encoding="utf-8-sig")
    padded = re.sub(r'<Param id="(\d+)"', r'<Param id=" \1 "', text)
    if crlf:
        text, padded = text.replace("\n", "\r\n"), padded.replace("\n", "\r\n")
    if encoding != "utf-8":
        text = text.replace('encoding="utf-8"', f'encoding="{encoding}"')
        padded = padded.replace('encoding="utf-8"', f'encoding="{encoding}"')
    prefix = codecs.BOM_UTF8 if bom and encoding == "utf-8" else b""
    path = tmp_path / "protocol.xml"
    path.write_bytes(prefix + padded.encode(encoding))
    return path, prefix + text.encode(encoding)


@pytest.mark.parametrize("crlf", [False, True])
@pytest.mark.parametrize("bom", [False, True])
def test_fix_restores_exactly_the_bytes_before_the_padding(tmp_path, crlf, bom):
    path, original = padded_example(tmp_path, crlf=crlf, bom=bom)
    result = run_dmlint("check", "--select", "PRM004", "--fix", str(path))
    assert path.read_bytes() == original, "only the padded values may change"
    assert result.returncode == 0 and "fixed" in result.stdout.decode()


def test_fix_in_a_latin1_file_keeps_its_encoding(tmp_path):
    path, original = padded_example(tmp_path, bom=False, encoding="iso-8859-1")
    original_text = original.decode("iso-8859-1").replace("<Name>WebSocketUrl</Name>", "<Name>Ünïcode</Name>")
    path.write_bytes(re.sub(r'<Param id="(\d+)"', r'<Param id=" \1 "', original_text).encode("iso-8859-1"))
    run_dmlint("check", "--select", "PRM004", "--fix", str(path))
    assert path.read_bytes() == original_text.encode("iso-8859-1")


def test_bytes_that_do_not_round_trip_are_never_rewritten():
    """lxml refuses invalid UTF-8 (XML001, nothing to fix); and should decoding and encoding ever
    not give back the file's bytes, the fix is refused rather than written."""
    from dmlint.core.fixing import encode_like

    data = '<?xml version="1.0" encoding="iso-8859-1"?><Protocol><Name>é</Name></Protocol>'.encode("iso-8859-1")
    document = parse("t.xml", data)
    assert encode_like(document.text, data, document) == data
    assert encode_like(document.text, data.replace(b"\xe9", b"\xe8"), document) is None


def test_diff_applies_with_patch_and_changes_nothing(tmp_path):
    path, original = padded_example(tmp_path)
    before = path.read_bytes()
    result = run_dmlint("check", "--select", "PRM004,WS006", "--diff", str(path), cwd=tmp_path)
    assert result.returncode == 1 and path.read_bytes() == before
    diff = result.stdout.decode()
    assert diff.startswith(f"--- {path}") and 'save="true"' in diff
    if shutil.which("patch") is None:
        pytest.skip("no patch program")
    patch = tmp_path / "fix.diff"
    patch.write_text(diff + "\n", encoding="utf-8")
    subprocess.run(["patch", "-s", str(path), str(patch)], check=True, timeout=30)
    after = run_dmlint("check", "--select", "PRM004,WS006", "--format", "json", str(path))
    assert '"findings": []' in after.stdout.decode()
    clean = run_dmlint("check", "--select", "PRM004,WS006", "--diff", str(path))
    assert clean.returncode == 0 and clean.stdout.decode().strip() == ""


def test_fix_on_stdin_prints_the_fixed_protocol():
    _, original = padded_example_bytes()
    padded = re.sub(rb'<Param id="(\d+)"', rb'<Param id=" \1 "', original)
    result = run_dmlint("check", "--select", "PRM004", "--fix", "-", input=padded)
    assert result.returncode == 0 and result.stdout == original


def padded_example_bytes():
    data = (EXAMPLES / "websocket-handshake.xml").read_bytes()
    return None, data


def test_unfixable_and_fixable_settings(tmp_path):
    path, original = padded_example(tmp_path)
    (tmp_path / ".dmlint.toml").write_text('unfixable = ["PRM004"]\n', encoding="utf-8")
    before = path.read_bytes()
    run_dmlint("check", "--select", "PRM004", "--fix", str(path), cwd=tmp_path)
    assert path.read_bytes() == before
    (tmp_path / ".dmlint.toml").write_text('fixable = ["WS"]\n', encoding="utf-8")
    run_dmlint("check", "--select", "PRM004,WS006", "--fix", str(path), cwd=tmp_path)
    after = path.read_bytes()
    assert b'save="true"' in after and b'<Param id=" 8 "' in after  # WS006 fixed, PRM004 left alone


def test_fix_options_that_do_not_go_together_are_refused():
    for args in (("--fix", "--diff"), ("--unsafe-fixes",)):
        result = run_dmlint("check", *args, str(EXAMPLES))
        assert result.returncode == 2 and result.stderr.decode().count("\n") == 1


def test_fixes_on_real_protocols_change_only_their_edits(tmp_path):
    """Real protocols with their ids padded in memory: --fix gives back the exact original bytes
    (BOMs, CRLF, CDATA, comments and attribute order of real files included)."""
    corpus = shared_path("corpus", "real")
    checked = 0
    for source in sorted(corpus.glob("*.xml"))[:24]:
        original = source.read_bytes()
        padded = re.sub(rb'(<Param\s+id=")(\d+)(")', rb"\1 \2 \3", original)
        if padded == original:
            continue
        path = tmp_path / source.name
        path.write_bytes(padded)
        run_dmlint("check", "--select", "PRM004", "--fix", "--no-schema", str(path))
        fixed = path.read_bytes()
        # Only Params/Param ids are PRM004's: a padded id elsewhere (a real file has a Param outside
        # <Params>) stays padded. Undo those and the file is byte for byte the original.
        assert fixed != padded and re.sub(rb'(<Param\s+id=") (\d+) (")', rb"\1\2\3", fixed) == original, source.name
        left = run_dmlint("check", "--select", "PRM004", "--format", "json", str(path))
        assert '"findings": []' in left.stdout.decode(), source.name
        checked += 1
    assert checked >= 10


def test_rules_that_offer_fixes_say_so_and_document_their_safety():
    from dmlint.core.engine import LintSettings, lint_file
    from dmlint.core.registry import all_rules, rules_by_code

    from harness import fixture_files

    settings = LintSettings(frozenset(rule.code for rule in all_rules()), schema_validation=False)
    rules = rules_by_code()
    offered = set()
    for path in fixture_files():
        for finding in lint_file(str(path), settings).findings:
            if finding.fix is not None:
                rule = rules[finding.code]
                assert rule.fix is not None, f"{finding.code} offers a fix but does not declare FIX"
                assert finding.fix.safety == "safe" or rule.fix == "unsafe", finding.code
                offered.add(finding.code)
    for rule in all_rules():
        if rule.fix:
            assert "## Fix safety" in rule.doc, f"{rule.code} declares FIX but its docs say nothing about it"
            assert rule.code in offered, f"{rule.code} declares FIX but no fixture shows a fix"
