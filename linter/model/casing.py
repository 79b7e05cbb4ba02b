"""Title casing of the texts operators read (page names, exception and discreet displays, ...).

`title_case(text)` gives the text as Skyline's style writes it, `is_title_case(text)` says
whether it already is. The rules (after capitalizemytitle.com, as the official validator
states them):

- words are the runs of letters; everything else (digits, spaces, punctuation) separates;
- a word of one letter is kept as written (`Item I`, `1080i`);
- abbreviations are kept: a word of capitals (`HTTP`, `VLANs`), and a word with a capital
  after its first letter (`IPv4`, `DataMiner`, `dBm`, `kHz`) - the official validator keeps
  the ones of its own word and unit lists; dmlint keeps them all rather than guess;
- a few units and words are accepted in either of their usual forms (`min`/`Min`, `ms`, ...);
- articles, coordinating conjunctions and short prepositions are lower case (`of`, `to`,
  `via`), except as the first or last word or next to a bracket;
- every other word starts with a capital, the rest in lower case.
"""

from __future__ import annotations

from functools import lru_cache

LOWER_CASE_WORDS = frozenset((
    "an", "the", "and", "but", "for", "nor", "or", "so", "yet",
    "as", "at", "by", "in", "of", "on", "to", "up", "off", "via",
))
# Words accepted in several forms: as written when it is one of them, else the first form.
SEVERAL_FORMS = {
    "min": ("min", "Min"), "per": ("per", "Per"), "over": ("Over", "over"), "bar": ("bar", "Bar"),
    "es": ("ES", "Es"), "ts": ("TS", "Ts"),
}
# Units written in lower case (kept as written; a unit with capitals is kept anyway).
LOWER_CASE_UNITS = frozenset((
    "ms", "us", "ns", "ps", "sec", "hrs", "bps", "kbps", "px", "pt", "mm", "cm", "km", "kg", "mg", "rpm", "ppm",
    "ppb", "lux", "dbm", "dbi",
))
BRACKETS = "()[]{}"


def _keep(word: str) -> bool:
    """Abbreviations and units are kept as written."""
    if len(word) == 1 or word.lower() in LOWER_CASE_UNITS:
        return True
    upper = word.upper()
    if word == upper or (word.endswith("s") and word[:-1] == upper[:-1]):
        return True
    return any(letter.isupper() for letter in word[1:])


def _word(word: str) -> tuple[str, bool]:
    """(the word title cased, whether it takes a capital as first or last word)."""
    if _keep(word):
        return word, False
    forms = SEVERAL_FORMS.get(word.lower())
    if forms is not None:
        return (word if word in forms else forms[0]), False
    lowered = word.lower()
    if lowered in LOWER_CASE_WORDS:
        return lowered, True
    return word[0].upper() + lowered[1:], True


@lru_cache(maxsize=4096)
def title_case(text: str, exceptions: tuple[str, ...] = ()) -> str:
    """The text title cased; `exceptions` are substrings kept in the casing given here
    (compared without case), e.g. a prefix such as `CPEIntegration_`."""
    parts = []
    length = len(text)
    index = 0
    while index < length:
        if not text[index].isalpha():
            parts.append(text[index])
            index += 1
            continue
        end = index
        while end < length and text[end].isalpha():
            end += 1
        word = text[index:end]
        result, capital_at_edges = _word(word)
        if capital_at_edges and _at_edge(text, index, end):
            result = result[0].upper() + result[1:]
        parts.append(result)
        index = end
    cased = "".join(parts)
    for exception in exceptions:
        lowered, target = cased.lower(), exception.lower()
        position = lowered.find(target)
        while position >= 0:
            cased = cased[:position] + exception + cased[position + len(exception):]
            position = lowered.find(target, position + len(exception))
    return cased


def _at_edge(text: str, start: int, end: int) -> bool:
    """The word is the first or the last one, or next to a bracket (spaces between allowed)."""
    if start == 0 or end == len(text):
        return True
    before = start - 1
    while before > 0 and text[before].isspace():
        before -= 1
    if text[before] in BRACKETS:
        return True
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return after < len(text) and text[after] in BRACKETS


def is_title_case(text: str, exceptions: tuple[str, ...] = ()) -> bool:
    return title_case(text, exceptions) == text
