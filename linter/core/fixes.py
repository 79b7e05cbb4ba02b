"""Fixes: edits a rule offers for its finding, that change only the bytes they must.

A `Fix` is a few `Edit`s, each replacing a span of the document's decoded text, plus
its safety (ruff's meaning: a *safe* fix keeps what the protocol means and is applied
by `--fix`; an *unsafe* one may change behaviour and needs `--unsafe-fixes`).

Rules build edits with the helpers below, from elements of the parsed tree: they find
the exact span in the source text (an attribute's value between its quotes, an
element's text up to its first child), so indentation, quoting, attribute order,
comments, CDATA, line endings and the encoding of everything else stay as they were.
A helper that cannot find a span it is sure of returns None: no fix rather than a
wrong one.

    Problem(element, message, fix=Fix((trim_attribute(document, element, "id"),)))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dmlint.core.parser import _end_of_start_tag

SAFE, UNSAFE = "safe", "unsafe"
XML_SPACE = " \t\r\n"


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in Document.text
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: str = SAFE
    message: str = ""  # what the fix does, for --diff summaries and editors ("trim the value")

    @staticmethod
    def of(*edits: Edit | None, safety: str = SAFE, message: str = "") -> "Fix | None":
        """A fix from edits, or None when a helper could not place one of them."""
        if not edits or any(edit is None for edit in edits):
            return None
        unique = sorted(set(edits), key=lambda edit: (edit.start, edit.end))
        if any(later.start < earlier.end or later.start == earlier.start
               for earlier, later in zip(unique, unique[1:], strict=False)):
            return None  # edits of one fix that overlap cannot all be applied
        return Fix(tuple(unique), safety, message)


def escape_attribute(value: str) -> str:
    """An attribute value as written between double quotes. Tabs and line breaks become character
    references: written as they are, a parser would read them back as spaces."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def escape_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def start_tag_span(document, element) -> tuple[int, int] | None:
    """(offset of '<', offset of the closing '>') of the element's start tag."""
    start = document.start_tag_offset(element)
    if start is None:
        return None
    return start, _end_of_start_tag(document.text, start + 1)


def _attribute_pattern(name: str) -> re.Pattern:
    return re.compile(r"(\s)((?:[\w.-]+:)?" + re.escape(name) + r")(\s*=\s*)(['\"])")


def attribute_spans(document, element, name: str) -> tuple[int, int, int, int] | None:
    """(start of the attribute incl. the whitespace before it, start of the value, end of the
    value, end of the attribute after its closing quote), or None."""
    span = start_tag_span(document, element)
    if span is None:
        return None
    text = document.text
    match = _attribute_pattern(name).search(text, span[0], span[1])
    if match is None:
        return None
    value_start = match.end()
    value_end = text.find(match.group(4), value_start, span[1])
    if value_end < 0:
        return None
    return match.start(), value_start, value_end, value_end + 1


def replace_attribute_value(document, element, name: str, value: str) -> Edit | None:
    spans = attribute_spans(document, element, name)
    if spans is None:
        return None
    quote = document.text[spans[1] - 1]
    escaped = escape_attribute(value) if quote == '"' else escape_attribute(value).replace("'", "&apos;")
    return Edit(spans[1], spans[2], escaped)


def trim_attribute(document, element, name: str) -> Edit | None:
    """Remove the XML whitespace around an attribute's value, as written (entities kept)."""
    spans = attribute_spans(document, element, name)
    if spans is None:
        return None
    raw = document.text[spans[1]:spans[2]]
    return Edit(spans[1], spans[2], raw.strip(XML_SPACE))


def remove_attribute(document, element, name: str) -> Edit | None:
    """Delete the attribute and the whitespace that separates it from the previous one."""
    spans = attribute_spans(document, element, name)
    if spans is None:
        return None
    start = spans[0]
    while document.text[start - 1] in XML_SPACE:
        start -= 1
    return Edit(start, spans[3], "")


def set_attribute(document, element, name: str, value: str) -> Edit | None:
    """Change the attribute's value, or add it at the end of the start tag's attributes."""
    if element.get(name) is not None:
        return replace_attribute_value(document, element, name, value)
    span = start_tag_span(document, element)
    if span is None:
        return None
    text = document.text
    end = span[1]
    if end > span[0] and text[end - 1] == "/":  # <Tag a="1"/>
        end -= 1
    while end > span[0] and text[end - 1] in XML_SPACE:  # keep the space before '/>' or '>' as it is
        end -= 1
    return Edit(end, end, f' {name}="{escape_attribute(value)}"')


def text_span(document, element) -> tuple[int, int] | None:
    """The span of the element's own text in the source: from its start tag to its first
    child, comment or end tag. None for an empty element or text with CDATA."""
    span = start_tag_span(document, element)
    if span is None or document.text[span[1] - 1] == "/":
        return None
    start = span[1] + 1
    end = document.text.find("<", start)
    if end < 0 or document.text.startswith("<![CDATA[", end):
        return None
    return start, end


def trim_text(document, element) -> Edit | None:
    """Remove the XML whitespace around an element's text (a leaf's text only)."""
    if len(element):
        return None  # text before a child is indentation, not a value
    span = text_span(document, element)
    if span is None:
        return None
    return Edit(span[0], span[1], document.text[span[0]:span[1]].strip(XML_SPACE))


def replace_text(document, element, value: str) -> Edit | None:
    """Replace a leaf element's text."""
    if len(element):
        return None
    span = text_span(document, element)
    if span is None:
        return None
    return Edit(span[0], span[1], escape_text(value))


def element_span(document, element) -> tuple[int, int] | None:
    """(offset of the '<' of the element's start tag, offset just after its end tag), or None.

    Counts the start and end tags after the start tag, skipping comments, CDATA sections and
    processing instructions, and checks that the end tag found is the element's own."""
    span = start_tag_span(document, element)
    if span is None:
        return None
    text = document.text
    start, tag_end = span
    if text[tag_end - 1] == "/":
        return start, tag_end + 1
    qname = text[start + 1:tag_end].split(None, 1)[0].rstrip("/")
    depth, i = 1, tag_end + 1
    while True:
        i = text.find("<", i)
        if i < 0:
            return None
        for opener, closer in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")):
            if text.startswith(opener, i):
                close = text.find(closer, i + len(opener))
                if close < 0:
                    return None
                i = close + len(closer)
                break
        else:
            if text.startswith("</", i):
                close = text.find(">", i)
                if close < 0:
                    return None
                depth -= 1
                if depth == 0:
                    name = text[i + 2:close].strip()
                    return (start, close + 1) if name == qname else None
                i = close + 1
            else:
                close = _end_of_start_tag(text, i + 1)
                if text[close - 1] != "/":
                    depth += 1
                i = close + 1


def newline_of(document) -> str:
    """The document's line break: CRLF when it uses them, else LF."""
    return "\r\n" if "\r\n" in document.text else "\n"


def qualified(parent, name: str) -> str:
    """`name` as a child of `parent` is written: with the parent's namespace prefix, if it has one."""
    return f"{parent.prefix}:{name}" if parent.prefix else name


def _line_indent(text: str, offset: int) -> str | None:
    """The spaces and tabs before `offset` when only they stand between it and a line break
    (or the start of the text), else None."""
    i = offset
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return text[i:offset]
    return None


def indent_unit(document) -> str:
    """One level of the document's indentation: the first indentation of a line that starts with
    a tag (a tab, or some spaces); a tab when no line is indented."""
    match = re.search(r"\n([ \t]+)<", document.text)
    if match is None:
        return "\t"
    found = match.group(1)
    return "\t" if "\t" in found else found


def remove_element(document, element) -> Edit | None:
    """Delete the element, its content and end tag. When it stands on lines of its own, its
    indentation and the line break before it go too, so no blank line is left."""
    span = element_span(document, element)
    if span is None:
        return None
    text = document.text
    start, end = span
    indent = _line_indent(text, start)
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    alone = after == len(text) or text[after] in "\r\n" or text.startswith("</", after)
    if indent is not None and alone and start - len(indent) > 0:
        start -= len(indent) + 1  # the indentation and the '\n' before it
        if start > 0 and text[start - 1] == "\r":
            start -= 1
    return Edit(start, end, "")


def insert_element(document, parent, markup: str, after=None) -> Edit | None:
    """Insert `markup` (one element, written and escaped by the caller) as a child of `parent`:
    after its child `after`, or else as its first child, on a line of its own and indented like
    its siblings (one level deeper than `parent` when it has none)."""
    text = document.text
    newline = newline_of(document)
    if after is not None:
        span = element_span(document, after)
        if span is None:
            return None
        indent = _line_indent(text, span[0])
        if indent is None:
            return Edit(span[1], span[1], markup)
        line_end = span[1]
        while line_end < len(text) and text[line_end] not in "\r\n<":
            line_end += 1  # stray text after the element stays with it, on its line
        if line_end < len(text) and text[line_end] == "<":
            line_end = span[1]
        return Edit(line_end, line_end, newline + indent + markup)
    span = start_tag_span(document, parent)
    if span is None or text[span[1] - 1] == "/" or (parent.text or "").strip(XML_SPACE):
        return None  # <Parent/> (nothing to insert into) or a parent with text of its own
    position = span[1] + 1
    parent_indent = _line_indent(text, span[0]) or ""
    first = next((kid for kid in parent if isinstance(kid.tag, str)), None)
    first_start = document.start_tag_offset(first) if first is not None else None
    indent = _line_indent(text, first_start) if first_start is not None else None
    if indent is None:
        indent = parent_indent + indent_unit(document)
    if first is None and "\n" not in text[position:text.find("<", position)]:
        # <Parent></Parent>: the end tag goes to a line of its own too
        return Edit(position, position, newline + indent + markup + newline + parent_indent)
    return Edit(position, position, newline + indent + markup)


def nested_markup(document, name: str, children, indent: str) -> str:
    """`<name>` with each of `children` (markup written by the caller) on a line of its own, one
    level deeper than `indent` (the indentation of the line `<name>` starts), then `</name>` on a
    line at `indent`."""
    newline = newline_of(document)
    inner = indent + indent_unit(document)
    return f"<{name}>" + "".join(newline + inner + child for child in children) + newline + indent + f"</{name}>"


def replace_element(document, element, markup: str) -> Edit | None:
    """Replace the element (start tag to end tag, its content included) with `markup`."""
    span = element_span(document, element)
    if span is None:
        return None
    return Edit(span[0], span[1], markup)


def element_indent(document, element) -> str | None:
    """The indentation of the line the element starts, when only whitespace is before it there."""
    span = start_tag_span(document, element)
    return None if span is None else _line_indent(document.text, span[0])


_DECLARED_ENCODING = re.compile(r"\bencoding\s*=\s*(['\"])([^'\"]*)\1")


def replace_declared_encoding(document, encoding: str) -> Edit | None:
    """Change the encoding named by the XML declaration at the start of the document."""
    text = document.text
    if not text.startswith("<?xml"):
        return None
    end = text.find("?>")
    if end < 0:
        return None
    match = _DECLARED_ENCODING.search(text, 0, end)
    if match is None:
        return None
    return Edit(match.start(2), match.end(2), encoding)


def apply(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """The text with the fixes applied, and the fixes that were; a fix overlapping one applied
    before it (in document order) waits for the next round, as ruff does."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: min(edit.start for edit in f.edits)):
        spans = [(edit.start, edit.end) for edit in fix.edits]
        if any(start < t_end and t_start < end or (start == end == t_start) for start, end in spans
               for t_start, t_end in taken):
            continue
        chosen.append(fix)
        taken.extend(spans)
    edits = sorted((edit for fix in chosen for edit in fix.edits), key=lambda edit: edit.start, reverse=True)
    for edit in edits:
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text, chosen
