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
        return Fix(tuple(edits), safety, message)


def escape_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


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
