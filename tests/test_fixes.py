"""Fixes touch only the bytes of their edits: --fix, --diff, --unsafe-fixes, fixable/unfixable."""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess

import pytest

from dmlint.core.fixes import (
    Edit,
    Fix,
    apply,
    element_indent,
    element_span,
    insert_element,
    nested_markup,
    remove_attribute,
    remove_element,
    replace_attribute_value,
    replace_declared_encoding,
    replace_element,
    replace_text,
    set_attribute,
    trim_attribute,
    trim_text,
)
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


def test_rewritten_attribute_values_keep_tabs_and_line_breaks():
    """Written as they are, a parser reads tabs and line breaks in attribute values back as spaces."""
    document = doc('<Protocol><Param a="x"/></Protocol>')
    fixed = edited(document, replace_attribute_value(document, first(document, "Param"), "a", "1\t2\n3&"))
    assert fixed == '<Protocol><Param a="1&#9;2&#10;3&amp;"/></Protocol>'
    assert doc(fixed).root[0].get("a") == "1\t2\n3&"


def test_element_span_skips_comments_cdata_and_nested_tags_of_the_same_name():
    text = '<Protocol><A x=">"><A/><!-- </A> --><A><![CDATA[</A>]]></A><?pi </A>?></A><B/></Protocol>'
    document = doc(text)
    outer = first(document, "A")
    start, end = element_span(document, outer)
    assert text[start:end] == '<A x=">"><A/><!-- </A> --><A><![CDATA[</A>]]></A><?pi </A>?></A>'
    start, end = element_span(document, first(document, "B"))
    assert text[start:end] == "<B/>"


def test_remove_element_takes_its_line_with_it():
    document = doc("<Protocol>\r\n\t<A>\r\n\t\t<B/>\r\n\t</A>\r\n\t<C/><D/>\r\n</Protocol>")
    assert edited(document, remove_element(document, first(document, "A"))) == \
        "<Protocol>\r\n\t<C/><D/>\r\n</Protocol>"
    # not alone on its line: only the element goes
    assert edited(document, remove_element(document, first(document, "C"))) == \
        "<Protocol>\r\n\t<A>\r\n\t\t<B/>\r\n\t</A>\r\n\t<D/>\r\n</Protocol>"
    assert edited(document, remove_element(document, first(document, "D"))) == \
        "<Protocol>\r\n\t<A>\r\n\t\t<B/>\r\n\t</A>\r\n\t<C/>\r\n</Protocol>"


@pytest.mark.parametrize(("source", "after", "expected"), [
    ("<Protocol>\n    <Name>x</Name>\n</Protocol>", None, "<Protocol>\n    <N/>\n    <Name>x</Name>\n</Protocol>"),
    ("<Protocol>\n    <Name>x</Name>\n</Protocol>", "Name", "<Protocol>\n    <Name>x</Name>\n    <N/>\n</Protocol>"),
    ("<Protocol>\r\n</Protocol>", None, "<Protocol>\r\n\t<N/>\r\n</Protocol>"),
    ("<Protocol></Protocol>", None, "<Protocol>\n\t<N/>\n</Protocol>"),
    ("<Protocol/>", None, None),
    # stray text after the element stays on its line
    ("<Protocol>\n  <Name>x</Name>>\n</Protocol>", "Name", "<Protocol>\n  <Name>x</Name>>\n  <N/>\n</Protocol>"),
])
def test_insert_element_on_a_line_of_its_own(source, after, expected):
    document = doc(source)
    edit = insert_element(document, document.root, "<N/>", after=first(document, after) if after else None)
    assert (edit and edited(document, edit)) == expected


def test_replace_declared_encoding():
    document = doc("<?xml version='1.0' encoding='iso-8859-1' ?>\n<Protocol/>")
    assert edited(document, replace_declared_encoding(document, "UTF-8")) == \
        "<?xml version='1.0' encoding='UTF-8' ?>\n<Protocol/>"
    assert replace_declared_encoding(doc("<Protocol/>"), "UTF-8") is None


def test_nested_markup_and_replace_element_follow_the_documents_lines_and_indentation():
    document = doc("<Protocol>\r\n  <Params>\r\n    <Param id=\"1\"><A/></Param>\r\n  </Params>\r\n</Protocol>")
    param = first(document, "Param")
    indent = element_indent(document, param)
    assert indent == "    " and element_indent(document, first(document, "A")) is None  # <A/> follows a tag
    markup = nested_markup(document, "Alarm", ["<Monitored>true</Monitored>"], indent)
    assert markup == "<Alarm>\r\n      <Monitored>true</Monitored>\r\n    </Alarm>"
    assert edited(document, replace_element(document, first(document, "A"), "<B>x</B>")) == \
        "<Protocol>\r\n  <Params>\r\n    <Param id=\"1\"><B>x</B></Param>\r\n  </Params>\r\n</Protocol>"


def test_a_fix_whose_own_edits_overlap_is_not_offered():
    assert Fix.of(Edit(0, 3, "a"), Edit(2, 4, "b")) is None
    assert Fix.of(Edit(0, 3, "a"), Edit(0, 3, "a")).edits == (Edit(0, 3, "a"),)  # the same edit twice: once


# -- what the rules' fixes write --------------------------------------------------------------
FIXED = [
    # HTTP013: one header per key, with the distinct values (each at its last place)
    ("HTTP013",
     '<Protocol><HTTP><Session id="1"><Connection id="1"><Request verb="GET" url="x"><Headers>\n'
     '<Header key="Accept">a</Header>\n<Header key="Via">v</Header>\n<Header key="accept">b</Header>\n'
     '<Header key="ACCEPT">a</Header>\n</Headers></Request></Connection></Session></HTTP></Protocol>',
     '<Protocol><HTTP><Session id="1"><Connection id="1"><Request verb="GET" url="x"><Headers>\n'
     '<Header key="Accept">b, a</Header>\n<Header key="Via">v</Header>\n'
     '</Headers></Request></Connection></Session></HTTP></Protocol>'),
    # SNMP001: a missing tag is added after Type, an invalid one becomes auto (namespace prefix kept)
    ("SNMP001", "<Protocol>\r\n\t<Name>X</Name>\r\n\t<Type>snmp</Type>\r\n\t<Params/>\r\n</Protocol>",
     '<Protocol>\r\n\t<Name>X</Name>\r\n\t<Type>snmp</Type>\r\n\t<SNMP includepages="true">auto</SNMP>\r\n'
     '\t<Params/>\r\n</Protocol>'),
    ("SNMP001", '<p:Protocol xmlns:p="u">\n  <p:SNMP>on</p:SNMP>\n</p:Protocol>',
     '<p:Protocol xmlns:p="u">\n  <p:SNMP>auto</p:SNMP>\n</p:Protocol>'),
    # PRM222: empty ids go; a Dependencies of only empty ids goes as a whole
    ("PRM222",
     '<Protocol><Params>\n  <Param id="1">\n    <Type>read</Type>\n    <Dependencies>\n      <Id></Id>\n'
     '      <Id> </Id>\n    </Dependencies>\n  </Param>\n  <Param id="2">\n    <Type>read</Type>\n'
     '    <Dependencies><Id>1</Id><Id/></Dependencies>\n  </Param>\n</Params></Protocol>',
     '<Protocol><Params>\n  <Param id="1">\n    <Type>read</Type>\n  </Param>\n  <Param id="2">\n'
     '    <Type>read</Type>\n    <Dependencies><Id>1</Id></Dependencies>\n  </Param>\n</Params></Protocol>'),
    # PRM223: the empty Positions goes, and its Display when nothing else is left in it
    ("PRM223",
     '<Protocol><Params>\n<Param id="1">\n<Display>\n<RTDisplay>true</RTDisplay>\n<Positions></Positions>\n'
     '</Display>\n</Param>\n<Param id="2">\n<Display>\n<Positions/>\n</Display>\n</Param>\n</Params></Protocol>',
     '<Protocol><Params>\n<Param id="1">\n<Display>\n<RTDisplay>true</RTDisplay>\n</Display>\n</Param>\n'
     '<Param id="2">\n</Param>\n</Params></Protocol>'),
    # PRM210: what DataMiner does not use goes: displayColumn, then naming= under a NamingFormat
    ("PRM210",
     '<Protocol><Params><Param id="1"><Type>array</Type>'
     '<ArrayOptions index="0" displayColumn="1" options=";volatile;naming=/3"><ColumnOption idx="0" pid="2"/>'
     '<NamingFormat><![CDATA[,3,]]></NamingFormat></ArrayOptions></Param>'
     '<Param id="4"><Type>array</Type><ArrayOptions index="0" options="naming=/5"><NamingFormat>,5,</NamingFormat>'
     '</ArrayOptions></Param></Params></Protocol>',
     '<Protocol><Params><Param id="1"><Type>array</Type>'
     '<ArrayOptions index="0" options=";volatile"><ColumnOption idx="0" pid="2"/>'
     '<NamingFormat><![CDATA[,3,]]></NamingFormat></ArrayOptions></Param>'
     '<Param id="4"><Type>array</Type><ArrayOptions index="0"><NamingFormat>,5,</NamingFormat>'
     '</ArrayOptions></Param></Params></Protocol>'),
    # CON008 trims, CON009 names a nameless PortSettings by the convention, CON006 copies the name
    ("CON006,CON008,CON009",
     '<Protocol><Type advanced=" snmp:SNMP Connection - A ;http">serial</Type>'
     '<PortSettings name=" IP Connection "><PortTypeSerial><Disabled>true</Disabled></PortTypeSerial></PortSettings>'
     '<Ports><PortSettings name="SNMP Connection - Polling"/><PortSettings name=""/></Ports></Protocol>',
     '<Protocol><Type advanced="snmp:SNMP Connection - Polling;http:HTTP Connection">serial</Type>'
     '<PortSettings name="IP Connection"><PortTypeSerial><Disabled>true</Disabled></PortTypeSerial></PortSettings>'
     '<Ports><PortSettings name="SNMP Connection - Polling"/><PortSettings name="HTTP Connection"/></Ports>'
     '</Protocol>'),
    # DSP004 and DSP007: pop-up pages and repeated pages leave the page order
    ("DSP004,DSP007",
     '<Protocol><Display defaultPage="General" pageOrder="General;Popup;---;General;Extra;Popup"/><Params>'
     '<Param id="1"><Display><RTDisplay>true</RTDisplay><Positions><Position><Page>General</Page></Position>'
     '</Positions></Display></Param>'
     '<Param id="2"><Display><RTDisplay>true</RTDisplay><Positions><Position><Page>Extra</Page></Position>'
     '</Positions></Display></Param>'
     '<Param id="3"><Measurement><Type>pagebutton</Type><Discreets><Discreet><Display>Open</Display>'
     '<Value>Popup</Value></Discreet></Discreets></Measurement><Display><RTDisplay>true</RTDisplay><Positions>'
     '<Position><Page>General</Page></Position></Positions></Display></Param></Params></Protocol>',
     None),
    # PROT012/PROT013: the version the features need, at least the oldest supported one
    ("PROT012,PROT013",
     '<Protocol><Compliancies><MinimumRequiredVersion>9.6.0.0</MinimumRequiredVersion></Compliancies>'
     '<Chains><Chain name="c" groupingName="g"/></Chains></Protocol>',
     '<Protocol><Compliancies><MinimumRequiredVersion>10.1.3.0 - 9963</MinimumRequiredVersion></Compliancies>'
     '<Chains><Chain name="c" groupingName="g"/></Chains></Protocol>'),
    # PROT011: a missing MinimumRequiredVersion is added, in Compliancies or a new one
    ("PROT011", "<Protocol>\n\t<Name>A</Name>\n\t<Type>snmp</Type>\n\t<Params/>\n</Protocol>",
     "<Protocol>\n\t<Name>A</Name>\n\t<Type>snmp</Type>\n"
     "\t<Compliancies><MinimumRequiredVersion>10.1.0.0 - 9966</MinimumRequiredVersion></Compliancies>\n"
     "\t<Params/>\n</Protocol>"),
    ("PROT011", "<Protocol>\n\t<Compliancies>\n\t\t<CassandraReady>true</CassandraReady>\n\t</Compliancies>\n"
                "</Protocol>",
     "<Protocol>\n\t<Compliancies>\n\t\t<CassandraReady>true</CassandraReady>\n"
     "\t\t<MinimumRequiredVersion>10.1.0.0 - 9966</MinimumRequiredVersion>\n\t</Compliancies>\n</Protocol>"),
    # PRM216 prefixes the names that lack the table's name; PRM228 writes every listed page in title case
    ("PRM216",
     '<Protocol><Params><Param id="100"><Name>NodesTable</Name><Type id="101;102">array</Type>'
     '<ArrayOptions index="0"/></Param><Param id="101"><Name>Index</Name><Type>read</Type></Param>'
     '<Param id="102"><Name>NodesState</Name><Type>read</Type></Param></Params></Protocol>',
     '<Protocol><Params><Param id="100"><Name>NodesTable</Name><Type id="101;102">array</Type>'
     '<ArrayOptions index="0"/></Param><Param id="101"><Name>NodesIndex</Name><Type>read</Type></Param>'
     '<Param id="102"><Name>NodesState</Name><Type>read</Type></Param></Params></Protocol>'),
    ("PRM228",
     '<Protocol><Params><Param id="1"><Display><RTDisplay>true</RTDisplay><Positions><Position><Page>main view'
     '</Page></Position></Positions></Display></Param><Param id="2"><Display><RTDisplay>true</RTDisplay><Positions>'
     '<Position><Page>main view</Page></Position></Positions></Display></Param></Params></Protocol>',
     '<Protocol><Params><Param id="1"><Display><RTDisplay>true</RTDisplay><Positions><Position><Page>Main View'
     '</Page></Position></Positions></Display></Param><Param id="2"><Display><RTDisplay>true</RTDisplay><Positions>'
     '<Position><Page>Main View</Page></Position></Positions></Display></Param></Params></Protocol>'),
    # ACT003 trims each id of On@id; TRG005 writes an id without its leading zeros
    ("ACT003,TRG005",
     '<Protocol><Triggers><Trigger id="1"><On id="007">parameter</On><Time>change</Time><Type>action</Type>'
     '<Content><Id>1</Id></Content></Trigger></Triggers><Actions><Action id="1"><On id=" 7 ;;8">parameter</On>'
     '<Type>run actions</Type></Action></Actions><Params><Param id="7"/><Param id="8"/></Params></Protocol>',
     '<Protocol><Triggers><Trigger id="1"><On id="7">parameter</On><Time>change</Time><Type>action</Type>'
     '<Content><Id>1</Id></Content></Trigger></Triggers><Actions><Action id="1"><On id="7;8">parameter</On>'
     '<Type>run actions</Type></Action></Actions><Params><Param id="7"/><Param id="8"/></Params></Protocol>'),
    # PRM110: a matrix is alarmed (Monitored written, added to the Alarm, or an Alarm added after the
    # Interprete), not trended, and its write parameter has no setter
    ("PRM110",
     '<Protocol>\n\t<Params>\n\t\t<Param id="1" trending="true">\n\t\t\t<Type>array</Type>\n'
     '\t\t\t<Alarm>\n\t\t\t\t<Monitored>false</Monitored>\n\t\t\t</Alarm>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n'
     '\t\t<Param id="2">\n\t\t\t<Type>array</Type>\n\t\t\t<Interprete><RawType>other</RawType></Interprete>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n'
     '\t\t<Param id="3">\n\t\t\t<Type>array</Type>\n\t\t\t<Alarm/>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n'
     '\t\t<Param id="4" setter="true">\n\t\t\t<Type>write</Type>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n\t</Params>\n</Protocol>',
     '<Protocol>\n\t<Params>\n\t\t<Param id="1">\n\t\t\t<Type>array</Type>\n'
     '\t\t\t<Alarm>\n\t\t\t\t<Monitored>true</Monitored>\n\t\t\t</Alarm>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n'
     '\t\t<Param id="2">\n\t\t\t<Type>array</Type>\n\t\t\t<Interprete><RawType>other</RawType></Interprete>\n'
     '\t\t\t<Alarm>\n\t\t\t\t<Monitored>true</Monitored>\n\t\t\t</Alarm>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n'
     '\t\t<Param id="3">\n\t\t\t<Type>array</Type>\n\t\t\t<Alarm>\n\t\t\t\t<Monitored>true</Monitored>\n'
     '\t\t\t</Alarm>\n\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n'
     '\t\t<Param id="4">\n\t\t\t<Type>write</Type>\n'
     '\t\t\t<Measurement><Type>matrix</Type></Measurement>\n\t\t</Param>\n\t</Params>\n</Protocol>'),
    # PRM109 rewrites an Interprete of only RawType/LengthType/Type, and adds a missing one after the Type
    ("PRM109",
     '<Protocol>\n  <Params>\n    <Param id="1">\n      <Type>array</Type>\n      <Interprete>\n'
     '        <Type>string</Type>\n        <RawType>text</RawType>\n      </Interprete>\n'
     '      <Measurement><Type>matrix</Type></Measurement>\n    </Param>\n'
     '    <Param id="2">\n      <Name>W</Name>\n      <Type>write</Type>\n'
     '      <Measurement><Type>matrix</Type></Measurement>\n    </Param>\n  </Params>\n</Protocol>',
     '<Protocol>\n  <Params>\n    <Param id="1">\n      <Type>array</Type>\n      <Interprete>\n'
     '        <RawType>other</RawType>\n        <LengthType>next param</LengthType>\n        <Type>double</Type>\n'
     '      </Interprete>\n      <Measurement><Type>matrix</Type></Measurement>\n    </Param>\n'
     '    <Param id="2">\n      <Name>W</Name>\n      <Type>write</Type>\n      <Interprete>\n'
     '        <RawType>other</RawType>\n        <LengthType>next param</LengthType>\n        <Type>string</Type>\n'
     '      </Interprete>\n      <Measurement><Type>matrix</Type></Measurement>\n    </Param>\n  </Params>\n'
     '</Protocol>'),
    # PRM117 writes 110 or trims; PRM118 gives the buttons of a page the widest width
    ("PRM117,PRM118",
     '<Protocol><Params>'
     '<Param id="1"><Type>write</Type><Measurement><Type>button</Type></Measurement></Param>'
     '<Param id="2"><Type>write</Type><Measurement><Type width="50">button</Type></Measurement></Param>'
     '<Param id="3"><Type>write</Type><Measurement><Type width=" 120 ">pagebutton</Type></Measurement></Param>'
     '<Param id="4"><Type>write</Type><Measurement><Type width="110">button</Type></Measurement><Display>'
     '<RTDisplay>true</RTDisplay><Positions><Position><Page>General</Page></Position></Positions></Display></Param>'
     '<Param id="5"><Type>write</Type><Measurement><Type width="140">button</Type></Measurement><Display>'
     '<RTDisplay>true</RTDisplay><Positions><Position><Page>General</Page></Position></Positions></Display></Param>'
     '</Params></Protocol>',
     '<Protocol><Params>'
     '<Param id="1"><Type>write</Type><Measurement><Type width="110">button</Type></Measurement></Param>'
     '<Param id="2"><Type>write</Type><Measurement><Type width="110">button</Type></Measurement></Param>'
     '<Param id="3"><Type>write</Type><Measurement><Type width="120">pagebutton</Type></Measurement></Param>'
     '<Param id="4"><Type>write</Type><Measurement><Type width="140">button</Type></Measurement><Display>'
     '<RTDisplay>true</RTDisplay><Positions><Position><Page>General</Page></Position></Positions></Display></Param>'
     '<Param id="5"><Type>write</Type><Measurement><Type width="140">button</Type></Measurement><Display>'
     '<RTDisplay>true</RTDisplay><Positions><Position><Page>General</Page></Position></Positions></Display></Param>'
     '</Params></Protocol>'),
    # PRM112: the matrix= counts follow the Type@options dimensions (both, over two rounds)
    ("PRM112",
     '<Protocol><Params><Param id="1"><Type options="dimensions=8,4;columntypes=2:0-3">array</Type>'
     '<Measurement><Type options="matrix=6,5,0,1,0,4">matrix</Type></Measurement></Param></Params></Protocol>',
     '<Protocol><Params><Param id="1"><Type options="dimensions=8,4;columntypes=2:0-3">array</Type>'
     '<Measurement><Type options="matrix=8,4,0,1,0,4">matrix</Type></Measurement></Param></Params></Protocol>'),
    # PRM122 renames without unrecommended characters, and trims
    ("PRM122",
     '<Protocol><Params><Param id="1"><Name>Speed [Mbps]</Name></Param><Param id="2"><Name> Level </Name></Param>'
     '</Params></Protocol>',
     '<Protocol><Params><Param id="1"><Name>Speed_Mbps_</Name></Param><Param id="2"><Name>Level</Name></Param>'
     '</Params></Protocol>'),
    # empty attributes and tags go (PRM144, PRM145, PRM152), as do Includes (PRM149) and Alarm/Info (PRM151)
    ("PRM144,PRM145,PRM149,PRM151,PRM152",
     '<Protocol><Params>\n<Param id="1"><Type virtual="">read</Type><Alarm options=""><Monitored>true</Monitored>'
     '<Info>x</Info></Alarm>\n<Information><Includes><Include>1</Include></Includes></Information>\n'
     '<Display>\n</Display>\n</Param>\n</Params></Protocol>',
     '<Protocol><Params>\n<Param id="1"><Type>read</Type><Alarm><Monitored>true</Monitored>'
     '</Alarm>\n<Information></Information>\n</Param>\n</Params></Protocol>'),
    # PRM105: the column-types parameter gets an Interprete that reads a number
    ("PRM105",
     '<Protocol>\n<Params>\n<Param id="1"><Type options="dimensions=2,2;columntypes=2:0-1">array</Type>'
     '<Measurement><Type>matrix</Type></Measurement></Param>\n<Param id="2">\n\t<Type>read</Type>\n</Param>\n'
     '</Params>\n</Protocol>',
     '<Protocol>\n<Params>\n<Param id="1"><Type options="dimensions=2,2;columntypes=2:0-1">array</Type>'
     '<Measurement><Type>matrix</Type></Measurement></Param>\n<Param id="2">\n\t<Type>read</Type>\n'
     '\t<Interprete>\n\t\t<RawType>numeric text</RawType>\n\t\t<LengthType>next param</LengthType>\n'
     '\t\t<Type>double</Type>\n\t</Interprete>\n</Param>\n</Params>\n</Protocol>'),
]


def _fixed(select: str, data: bytes):
    from dmlint.core import fixing
    from dmlint.core.engine import LintSettings, lint_bytes

    settings = LintSettings(frozenset(select.split(",")), schema_validation=False, fix="fix", unsafe_fixes=True)
    return fixing.fix_bytes("t.xml", data, settings, lint_bytes)


@pytest.mark.parametrize(("select", "source", "expected"), FIXED,
                         ids=[f"{case[0]}-{n}" for n, case in enumerate(FIXED)])
def test_what_the_fixes_write(select, source, expected):
    outcome = _fixed(select, source.encode("utf-8"))
    if expected is None:  # the page order case: only the attribute changes
        expected = source.replace('pageOrder="General;Popup;---;General;Extra;Popup"', 'pageOrder="General;---;Extra"')
    assert outcome.data.decode("utf-8") == expected
    assert outcome.report.findings == []


@pytest.mark.parametrize(("select", "source"), [
    # an Interprete holding more than RawType, LengthType and Type is not rewritten
    ("PRM109", '<Protocol><Params><Param id="1"><Type>array</Type><Interprete><RawType>text</RawType>'
               '<Exceptions/></Interprete><Measurement><Type>matrix</Type></Measurement></Param></Params></Protocol>'),
    # a new name that another parameter has already
    ("PRM122", '<Protocol><Params><Param id="1"><Name>A B</Name></Param><Param id="2"><Name>AB</Name></Param>'
               '</Params></Protocol>'),
    # a Display with text but no elements is not removed
    ("PRM152", '<Protocol><Params><Param id="1"><Display>x</Display></Param></Params></Protocol>'),
    # the matrix= option not written plainly
    ("PRM112", '<Protocol><Params><Param id="1"><Type options="dimensions=8,4;columntypes=2:0-3">array</Type>'
               '<Measurement><Type options="matrix= 6,4,0,1,0,4">matrix</Type></Measurement></Param></Params>'
               '</Protocol>'),
])
def test_no_fix_where_the_fix_is_not_sure(select, source):
    outcome = _fixed(select, source.encode("utf-8"))
    assert outcome.fixed == 0 and outcome.data == source.encode("utf-8")
    assert [finding.code for finding in outcome.report.findings] == [select]


def test_the_encoding_fix_only_where_the_bytes_say_the_same_in_utf8():
    bom = b"\xef\xbb\xbf" + '<?xml version="1.0" encoding="iso-8859-1"?><Protocol><Name>Café</Name></Protocol>'.encode()
    assert _fixed("PROT007", bom).data == bom.replace(b"iso-8859-1", b"UTF-8")
    ascii_only = b'<?xml version="1.0" encoding="windows-1252"?><Protocol/>'
    assert _fixed("PROT007", ascii_only).data == ascii_only.replace(b"windows-1252", b"UTF-8")
    latin = '<?xml version="1.0" encoding="iso-8859-1"?><Protocol><Name>Café</Name></Protocol>'.encode("iso-8859-1")
    outcome = _fixed("PROT007", latin)
    assert outcome.data == latin and outcome.fixed == 0  # it would need re-encoding: no fix


def test_no_name_fix_when_the_convention_name_is_taken():
    data = (b'<Protocol><Type advanced="snmp">snmp</Type><PortSettings name="SNMP Connection"/>'
            b'<Ports><PortSettings name=""/></Ports></Protocol>')
    outcome = _fixed("CON009", data)
    assert outcome.data == data and [f.code for f in outcome.report.findings] == ["CON009"]


def test_fixes_on_the_fixtures_leave_parseable_files_with_nothing_fixable():
    """Every fix of every fixture, unsafe ones included, applied until nothing is left: the files still
    parse and no finding is left with a fix (no two fixes undo each other)."""
    from dmlint.core import fixing
    from dmlint.core.engine import LintSettings, lint_bytes
    from dmlint.core.registry import all_rules

    from harness import fixture_files

    settings = LintSettings(frozenset(rule.code for rule in all_rules()), schema_validation=False, fix="fix",
                            unsafe_fixes=True)
    changed = 0
    for path in fixture_files():
        data = path.read_bytes()
        if not hasattr(parse(path.name, data), "root"):
            continue  # the XML001 fixtures
        outcome = fixing.fix_bytes(str(path), data, settings, lint_bytes)
        assert outcome.refused is None, path.name
        assert hasattr(parse(path.name, outcome.data), "root"), path.name
        assert not [f.code for f in outcome.report.findings if f.fix is not None], path.name
        changed += outcome.data != data
    assert changed >= 50


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

    # expected-provider set: PROT004 adds a missing Provider only then
    settings = LintSettings(frozenset(rule.code for rule in all_rules()), schema_validation=False,
                            expected_provider="Skyline Communications")
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


# -- fixes on real protocols, with mistakes made in memory -------------------------------------
def _padded_attribute(document, element, name):
    from dmlint.core.fixes import attribute_spans

    spans = attribute_spans(document, element, name)
    return None if spans is None else [Edit(spans[1], spans[1], " "), Edit(spans[2], spans[2], "  ")]


def _padded_text(document, element):
    from dmlint.core.fixes import text_span

    span = text_span(document, element) if not len(element) else None
    return None if span is None else [Edit(span[0], span[0], "\t"), Edit(span[1], span[1], " ")]


def _untrimmed_action_ids(model):
    from dmlint.model.flow import id_problem

    return [_padded_attribute(model.document, action.element, "id") for action in model.actions
            if id_problem(action.element.get("id")) is None]


def _untrimmed_timer_times(model):
    from dmlint.model import child

    times = [child(timer.element, "Time") for timer in model.timers]
    return [_padded_text(model.document, time) for time in times
            if time is not None and (time.text or "").strip().isdigit() and time.text == time.text.strip()]


def _untrimmed_column_pids(model):
    return [_padded_attribute(model.document, option.element, "pid") for table in model.all_tables
            for option in table.column_options
            if option.pid_raw and option.pid_raw == option.pid_raw.strip() and model.param_by_key(option.pid)]


def _empty_dependencies(model):
    """An empty Dependencies/Id after the Type of every read parameter that has none (PRM222's
    fix removes the whole Dependencies again, with the line it stands on)."""
    from dmlint.model import child

    found = []
    for param in model.all_params:
        kind = child(param, "Type")
        if kind is None or (kind.text or "").strip() != "read" or child(param, "Dependencies") is not None:
            continue
        markup = f"<{_q(kind, 'Dependencies')}><{_q(kind, 'Id')}></{_q(kind, 'Id')}></{_q(kind, 'Dependencies')}>"
        edit = insert_element(model.document, param, markup, after=kind)
        found.append(None if edit is None else [edit])
    return found


def _q(element, name):
    return f"{element.prefix}:{name}" if element.prefix else name


def _repeated_headers(model):
    """Every request header with a plain value, repeated right after itself (HTTP013 merges the two
    into one header with that value: the second goes again)."""
    from dmlint.core.fixes import element_span
    from dmlint.rules.http._http import session_connections

    found = []
    for connection in session_connections(model):
        for header in connection.request_headers:
            value = (header.text or "").strip()
            if not value or header.get("pid") is not None or len(header) or header.text != value:
                continue
            span = element_span(model.document, header)
            if span is None:
                continue
            edit = insert_element(model.document, header.getparent(), model.document.text[span[0]:span[1]],
                                  after=header)
            found.append(None if edit is None else [edit])
    return found


def _untrimmed_rtdisplays(model):
    from dmlint.model import path

    tags = [path(param, "Display", "RTDisplay") for param in model.all_params]
    return [_padded_text(model.document, tag) for tag in tags
            if tag is not None and tag.text in ("true", "false")]


REAL_MISTAKES = [
    ("PRM101", _untrimmed_rtdisplays, 10),
    ("ACT003", _untrimmed_action_ids, 10),
    ("TMR003", _untrimmed_timer_times, 10),
    ("PRM201", _untrimmed_column_pids, 5),
    ("PRM222", _empty_dependencies, 10),
    ("HTTP013", _repeated_headers, 2),
]


@pytest.mark.parametrize(("code", "mistakes", "at_least"), REAL_MISTAKES, ids=[case[0] for case in REAL_MISTAKES])
def test_fixes_on_real_protocols_undo_mistakes_made_in_memory(tmp_path, code, mistakes, at_least):
    """Real protocols (their BOMs, CRLFs, CDATA, comments, attribute order) with a mistake made in
    memory where the protocol had none: `--fix --unsafe-fixes` gives back the original bytes (so
    nothing outside the edits changed), the files parse and the rule finds nothing."""
    from dmlint.core.engine import LintSettings, lint_bytes
    from dmlint.core.fixing import encode_like
    from dmlint.model import build_model

    corpus = shared_path("corpus", "real")
    settings = LintSettings(frozenset({code}), schema_validation=False)
    originals = {}
    for source in sorted(corpus.glob("*.xml")):
        data = source.read_bytes()
        report = lint_bytes(source.name, data, settings)
        if report.document is None or report.findings:
            continue  # only protocols where the rule finds nothing before the mistake is made
        edits = mistakes(build_model(report.document))
        if not edits or any(edit is None for edit in edits):
            continue
        text, _ = apply(report.document.text, [Fix(tuple(edit)) for edit in edits])
        broken = encode_like(text, data, report.document)
        if broken is None:
            continue
        (tmp_path / source.name).write_bytes(broken)
        originals[source.name] = data
    assert len(originals) >= at_least, f"only {len(originals)} real protocols to make the mistake in"
    run_dmlint("check", "--select", code, "--fix", "--unsafe-fixes", "--no-schema", str(tmp_path))
    for name, data in originals.items():
        fixed = (tmp_path / name).read_bytes()
        assert fixed == data, f"{name}: --fix did not give back the original bytes"
        assert hasattr(parse(name, fixed), "root")
    left = run_dmlint("check", "--select", code, "--no-schema", "--format", "json", str(tmp_path))
    assert '"findings": []' in left.stdout.decode(), left.stdout.decode()[:2000]


def test_a_missing_provider_is_added_only_with_the_expected_provider_setting():
    from dmlint.core import fixing
    from dmlint.core.engine import LintSettings, lint_bytes

    data = (b'<?xml version="1.0" encoding="utf-8"?>\r\n<Protocol xmlns="http://www.skyline.be/protocol">\r\n'
            b'\t<Name>A &amp; B</Name>\r\n\t<Version>1.0.0.1</Version>\r\n\t<Type>serial</Type>\r\n</Protocol>\r\n')
    without = LintSettings(frozenset({"PROT004"}), schema_validation=False, fix="fix")
    assert fixing.fix_bytes("p.xml", data, without, lint_bytes).data == data
    with_setting = LintSettings(frozenset({"PROT004"}), schema_validation=False, fix="fix",
                                expected_provider="R&D <Lab>")
    outcome = fixing.fix_bytes("p.xml", data, with_setting, lint_bytes)
    assert outcome.data == data.replace(b"<Version>1.0.0.1</Version>\r\n",
                                        b"<Version>1.0.0.1</Version>\r\n\t<Provider>R&amp;D &lt;Lab&gt;</Provider>\r\n")
    assert not outcome.report.findings
