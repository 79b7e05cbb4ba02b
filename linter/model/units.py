"""DataMiner's units of measurement, read from Skyline's `uom.xsd` when the user points
dmlint at Skyline's schema (`--schema`, or `schema` in the configuration): the schema includes
`uom.xsd`, which lists every unit and its outdated notations. dmlint does not bundle it (it is
Skyline's, under Skyline's licence); without it the unit checks that need the list stay silent.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

XS = "{http://www.w3.org/2001/XMLSchema}"


@dataclass(frozen=True)
class Units:
    known: frozenset[str]
    outdated: dict  # legacy notation -> the unit to write instead
    in_descriptions: frozenset[str] = frozenset()  # units whose casing descriptions keep (dBm, MHz, ...)


def _uom_path(schema_path: str) -> str | None:
    from lxml import etree

    folder = os.path.dirname(os.path.abspath(schema_path))
    try:
        root = etree.parse(schema_path, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError):
        return None
    if root.find(f"{XS}simpleType[@name='UOM']") is not None:
        return schema_path
    for include in root.iterchildren(f"{XS}include"):
        location = include.get("schemaLocation") or ""
        if os.path.basename(location).lower() == "uom.xsd":
            candidate = os.path.join(folder, location)
            return candidate if os.path.isfile(candidate) else None
    return None


@lru_cache(maxsize=4)
def load_units(schema_path: str) -> Units | None:
    """The units of the uom.xsd a schema includes (or is), None when there is none."""
    from lxml import etree

    path = _uom_path(schema_path)
    if path is None:
        return None
    try:
        root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError):
        return None
    known, outdated, in_descriptions = set(), {}, set()
    for simple in root.iter(f"{XS}simpleType"):
        if simple.get("name") != "UOM":
            continue
        for enumeration in simple.iter(f"{XS}enumeration"):
            value = enumeration.get("value")
            if value is None:
                continue
            known.add(value)
            ignored = False
            for element in enumeration.iter():
                if not isinstance(element.tag, str):
                    continue
                if element.tag.endswith("}legacyNotation") and element.text:
                    outdated.setdefault(element.text, value)
                elif element.tag.endswith("}ignoreInDescription"):
                    ignored = (element.text or "").strip().lower() == "true"
            if not ignored:
                in_descriptions.add(value)
    return Units(frozenset(known), outdated, frozenset(in_descriptions)) if known else None
