"""How the official validator reads one tag or attribute: present or not, empty, not of its
type, untrimmed, and the value it stands for.

`read_value(raw, kind)` gives a `Value` for an attribute value or an element's text (None
when absent). The kinds are the value types of the protocol schema as the official model
parses them: text (never invalid), a boolean (`true`/`false` in any case, spaces around
allowed), an unsigned number (.NET's invariant UInt32 reading, `dmlint.core.ids`), or one
of a fixed set of words (an enumeration, compared exactly after trimming).

    >>> read_value(" true ", BOOL).value, read_value(" true ", BOOL).untrimmed
    (True, True)
    >>> read_value("yes", BOOL).invalid
    True
"""

from __future__ import annotations

from typing import NamedTuple

from dmlint.core.ids import dotnet_decimal, dotnet_uint

TEXT, BOOL, UINT, DECIMAL = "text", "bool", "uint", "decimal"


class Value(NamedTuple):
    """Immutable; a named tuple because hundreds of thousands are made per big protocol (a
    frozen dataclass costs twice as much to make)."""

    raw: str | None  # as written; None when the tag or attribute is absent
    value: object  # what it reads as (trimmed text, bool, int, enumeration word) or None

    @property
    def missing(self) -> bool:
        return self.raw is None

    @property
    def empty(self) -> bool:
        return self.raw is not None and not self.raw.strip()

    @property
    def invalid(self) -> bool:
        """Present but not of its type (an empty value is also invalid for non-text kinds)."""
        return self.raw is not None and self.value is None

    @property
    def untrimmed(self) -> bool:
        return self.raw is not None and self.raw != self.raw.strip()

    @property
    def text(self) -> str:
        """The trimmed raw text ('' when absent)."""
        return (self.raw or "").strip()


def dotnet_bool(raw: str | None) -> bool | None:
    """`true`/`false` in any case with spaces around (.NET Boolean.Parse), else None."""
    if raw is None:
        return None
    text = raw.strip().lower()
    return True if text == "true" else False if text == "false" else None


_MISSING = Value(None, None)
_make = tuple.__new__  # Value(raw, value) without the named tuple's Python-level __new__


def read_value(raw: str | None, kind=TEXT) -> Value:
    """A Value of this kind: TEXT, BOOL, UINT or a collection of allowed words."""
    if raw is None:
        return _MISSING
    if kind == TEXT:
        return _make(Value, (raw, raw.strip()))
    if kind == BOOL:
        return _make(Value, (raw, dotnet_bool(raw)))
    if kind == UINT:
        return _make(Value, (raw, dotnet_uint(raw)))
    if kind == DECIMAL:
        return _make(Value, (raw, dotnet_decimal(raw)))
    text = raw.strip()
    return _make(Value, (raw, text if text in kind else None))


def inner_text(element) -> str | None:
    """An element's text as the official model reads it (children's text included, comments
    left out), None when the element is absent."""
    if element is None:
        return None
    if not len(element):
        return element.text or ""
    return "".join(element.itertext())


def element_value(element, kind=TEXT) -> Value:
    """The Value of an element's text (absent element: missing)."""
    if element is None:  # `inner_text` inlined: this runs hundreds of thousands of times
        return _MISSING
    raw = (element.text or "") if not len(element) else "".join(element.itertext())
    return read_value(raw, kind)


def attribute_value(element, name: str, kind=TEXT) -> Value:
    """The Value of an attribute (absent element or attribute: missing)."""
    return read_value(None if element is None else element.get(name), kind)


def plain_number(raw: str | None) -> bool:
    """Written without a '+' sign or leading zeros (spaces around are a separate problem)."""
    if raw is None:
        return False
    text = raw.strip()
    return not text.startswith("+") and (text == "0" or not text.startswith("0"))


def uint_plain(raw: str | None) -> int | None:
    """The value of an id attribute that reads as a number written plainly, else None."""
    value = read_value(raw, UINT).value
    return value if value is not None and plain_number(raw) else None
