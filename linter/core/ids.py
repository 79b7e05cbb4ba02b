"""One grammar for every number and id a protocol writes, read totally.

DataMiner reads ids and numbers with .NET's invariant parsing: ASCII digits only
(`²` and `٣` are Unicode digits, not numbers to DataMiner), optional whitespace
around, and for ids no sign. This module is the only place that turns such text
into a value; the model, every rule, `live` and `serve` call it.

Reading never fails and never converts an arbitrarily long text with `int()`: a
4,301-digit id is an ordinary *invalid-because-too-large* value, compared by its
canonical digits (length first, then lexicographically).

    >>> read_id(" 007 ")
    Number(raw=' 007 ', status='untrimmed', digits='7', leading_zero=True)
    >>> read_id("12").plain, read_id("+12").status, read_id("²").status
    (True, 'invalid', 'invalid')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MISSING, EMPTY, INVALID, UNTRIMMED, OK = "missing", "empty", "invalid", "untrimmed", "ok"
UINT32_MAX = 2**32 - 1
INT32_MAX = 2**31 - 1

_ASCII_DIGITS = frozenset("0123456789")


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 (str.isdigit also accepts '²' and other Unicode digits)."""
    return bool(text) and text.isascii() and text.isdigit()


@dataclass(frozen=True, slots=True)
class Number:
    """What a text reads as. `digits` is the canonical unsigned value ('007' -> '7') or None."""

    raw: str | None
    status: str  # missing | empty | invalid | untrimmed | ok
    digits: str | None = None
    leading_zero: bool = False
    negative: bool = False  # only with read_int: a '-' sign

    @property
    def ok(self) -> bool:
        """Reads as a number (possibly with spaces around or leading zeros)."""
        return self.digits is not None

    @property
    def plain(self) -> bool:
        """Written exactly as DataMiner writes ids: digits only, no spaces, no leading zero."""
        return self.status == OK and not self.leading_zero

    def at_most(self, bound: int) -> bool:
        """The value is <= bound (False when it is not a number)."""
        return self.digits is not None and not self.negative and fits(self.digits, bound)

    def value(self, bound: int = UINT32_MAX) -> int | None:
        """The value as an int when it is a number within [-bound, bound], else None."""
        if self.digits is None or not fits(self.digits, bound):
            return None
        number = int(self.digits)
        return -number if self.negative else number


def fits(digits: str, bound: int) -> bool:
    """Canonical digits <= bound, without converting a huge text."""
    limit = str(bound)
    return len(digits) < len(limit) or (len(digits) == len(limit) and digits <= limit)


def _canonical(text: str) -> tuple[str, bool]:
    stripped = text.lstrip("0")
    return (stripped or "0"), (len(text) > 1 and text[0] == "0")


# Protocols repeat the same few texts (pids, "1", "true") hundreds of thousands of times, and
# a Number is immutable: each distinct text is read once (bounded, so a file of a million
# distinct ids cannot grow it without limit).
@lru_cache(maxsize=1 << 16)
def read_id(raw: str | None) -> Number:
    """An unsigned integer id (Param@id, pid, Session@id, ...)."""
    if raw is None:
        return Number(None, MISSING)
    value = raw.strip()
    if not value:
        return Number(raw, EMPTY)
    if not is_ascii_digits(value):
        return Number(raw, INVALID)
    digits, leading_zero = _canonical(value)
    return Number(raw, UNTRIMMED if value != raw else OK, digits, leading_zero)


@lru_cache(maxsize=1 << 16)
def read_int(raw: str | None) -> Number:
    """A signed integer (an optional leading '-' or '+'), e.g. a group id of -1 or an offset."""
    if raw is None:
        return Number(None, MISSING)
    value = raw.strip()
    if not value:
        return Number(raw, EMPTY)
    negative = value[0] == "-"
    body = value[1:] if value[0] in "+-" else value
    if not is_ascii_digits(body):
        return Number(raw, INVALID)
    digits, leading_zero = _canonical(body)
    status = UNTRIMMED if value != raw else OK
    return Number(raw, status, digits, leading_zero, negative and digits != "0")


def normalize_id(raw: str | None) -> str | None:
    """The canonical id a (possibly untrimmed or zero-padded) text names, else None.

    The hot path of the model's reference pass: plain ASCII ids skip the dataclass.
    """
    if raw is None:
        return None
    value = raw.strip()
    if not (value.isascii() and value.isdigit()):
        return None
    if value[0] != "0" or len(value) == 1:
        return value
    return value.lstrip("0") or "0"


def to_int(raw: str | None, bound: int = UINT32_MAX) -> int | None:
    """An unsigned integer within [0, bound] as int, else None (any text, any length)."""
    return read_id(raw).value(bound)


def sort_key(digits: str) -> tuple[int, str]:
    """Order canonical digit strings numerically without int() ('9' < '10')."""
    return len(digits), digits


_DOTNET_SPACE = " \t\n\v\f\r"
_DECIMAL = re.compile(r"^(?P<lead>[+-])?(?P<number>[0-9,]*\.?[0-9]*)(?P<trail>[+-])?$")


@lru_cache(maxsize=1 << 16)
def dotnet_uint(raw: str | None, bound: int = UINT32_MAX) -> int | None:
    """The value .NET's invariant `UInt32.TryParse` reads from a text (None when it fails).

    Whitespace around is allowed, and a '+' sign ('-' only in front of zeros); digits are
    ASCII only; the value must fit. This is how the official validator reads numbers inside
    option strings (`dimensions=16,32`, `matrix=...`), and the model's numeric attributes."""
    if raw is None:
        return None
    text = raw.strip(_DOTNET_SPACE)
    negative = False
    if text[:1] in ("+", "-"):
        negative = text[0] == "-"
        text = text[1:]
    if not is_ascii_digits(text):
        return None
    digits, _ = _canonical(text)
    if negative:
        return 0 if digits == "0" else None
    return int(digits) if fits(digits, bound) else None


@lru_cache(maxsize=1 << 16)
def dotnet_int(raw: str | None) -> int | None:
    """The value .NET's invariant `Int32.TryParse` reads from a text (None when it fails)."""
    if raw is None:
        return None
    text = raw.strip(_DOTNET_SPACE)
    negative = False
    if text[:1] in ("+", "-"):
        negative = text[0] == "-"
        text = text[1:]
    if not is_ascii_digits(text):
        return None
    digits, _ = _canonical(text)
    if not fits(digits, INT32_MAX + (1 if negative else 0)):
        return None
    return -int(digits) if negative else int(digits)


def plain_digits(raw: str | None, bound: int = UINT32_MAX) -> int | None:
    """ASCII digits only (no sign, no spaces: .NET's NumberStyles.None), within bound, else None."""
    if raw is None or not is_ascii_digits(raw):
        return None
    digits, _ = _canonical(raw)
    return int(digits) if fits(digits, bound) else None


def dotnet_decimal(raw: str | None):
    """The value .NET's invariant `Decimal.Parse` (NumberStyles.Number) reads from a text, as a
    `decimal.Decimal`, or None: spaces around, a leading or trailing sign, ',' as thousands
    separator and '.' as decimal point; ASCII digits only, no exponent."""
    from decimal import Decimal

    if raw is None:
        return None
    match = _DECIMAL.match(raw.strip(_DOTNET_SPACE))
    if match is None or not any(char.isdigit() for char in match.group("number")):
        return None
    sign = match.group("lead") or match.group("trail") or ""
    if match.group("lead") and match.group("trail"):
        return None
    number = match.group("number").replace(",", "")
    if number.startswith("."):
        number = "0" + number
    if number.endswith("."):
        number += "0"
    return Decimal(("-" if sign == "-" else "") + number)

