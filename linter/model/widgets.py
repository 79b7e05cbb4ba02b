"""How a parameter is drawn: facts the display checks share."""

from __future__ import annotations

from dmlint.model.elements import text_of
from dmlint.model.values import UINT, attribute_value

DEFAULT_BUTTON_WIDTH = 110


def button_width(model, element):
    """(Measurement/Type element, width Value) of a button or pagebutton, else None."""
    tag = model.follow(element, "Measurement", "Type")
    if text_of(tag) not in ("button", "pagebutton"):
        return None
    return tag, attribute_value(tag, "width", UINT)


def is_pagebutton(model, element) -> bool:
    return text_of(model.follow(element, "Measurement", "Type")) == "pagebutton"


def pagebutton_caption(text: str) -> str:
    """A page button's caption as DataMiner writes it: the text, then '...' right after it."""
    return text.replace("...", "").strip() + "..."
