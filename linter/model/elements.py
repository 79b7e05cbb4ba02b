"""Small helpers over lxml elements that every part of the model uses (local names only)."""

from __future__ import annotations

from dmlint.core.parser import local_name


def child(element, name: str):
    """First child element with this local name, or None."""
    if element is None:
        return None
    for candidate in element.iterchildren("{*}" + name):
        return candidate
    return None


def children(element, name: str) -> list:
    """Child elements with this local name, in document order ([] for None)."""
    if element is None:
        return []
    return list(element.iterchildren("{*}" + name))


def path(element, *names: str):
    """Follow child local names; None as soon as one is missing."""
    for name in names:
        element = child(element, name)
        if element is None:
            return None
    return element


def text_of(element) -> str | None:
    """Element text trimmed, or None when the element is absent."""
    if element is None:
        return None
    return (element.text or "").strip()


def is_true(element) -> bool:
    """The element exists and its trimmed text is 'true' (any case)."""
    text = text_of(element)
    return text is not None and text.lower() == "true"


def element_children(element) -> list:
    """The element children (comments and processing instructions left out)."""
    if element is None:
        return []
    return [item for item in element if isinstance(item.tag, str)]


def options_of(raw: str | None, separator: str = ";") -> list[str]:
    """An options attribute split on its separator, trimmed, empty parts dropped."""
    return [option.strip() for option in (raw or "").split(separator) if option.strip()]


__all__ = ["child", "children", "element_children", "is_true", "local_name", "options_of", "path", "text_of"]
