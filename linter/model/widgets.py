"""How a parameter is drawn: facts the display checks share."""

from __future__ import annotations

from dmlint.model.values import UINT, attribute_value

DEFAULT_BUTTON_WIDTH = 110


def button_width(model, element):
    """(Measurement/Type element, width Value) of a button or pagebutton, else None."""
    if model.measurement_kind(element) not in ("button", "pagebutton"):
        return None
    tag = model.follow(element, "Measurement", "Type")
    return tag, attribute_value(tag, "width", UINT)


def is_pagebutton(model, element) -> bool:
    return model.measurement_kind(element) == "pagebutton"


def pagebutton_caption(text: str) -> str:
    """A page button's caption as DataMiner writes it: the text, then '...' right after it."""
    return text.replace("...", "").strip() + "..."
