"""The model's one pass over the tree: every reference site, comments, and Param facts.

`collect` visits only the elements whose local name some reference site (or the
ParamIndex) needs, with lxml's C-level tag filter, and tests the cheapest facts
first: most candidates hold no value at any of their sites.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from dmlint.core.ids import normalize_id
from dmlint.model.elements import local_name
from dmlint.model.params import ParamIndex
from dmlint.model.references import REFERENCE_SITES, Reference, ReferenceSite


def _sites_by_element() -> dict[str, list[ReferenceSite]]:
    table: dict[str, list[ReferenceSite]] = defaultdict(list)
    for site in REFERENCE_SITES:
        table[site.element].append(site)
    return table


def collect(model, index: ParamIndex | None = None) -> None:
    """Fill model.references and model.all_references in one pass over the tree; on the way,
    keep the comments (for the suppressions), the holders of Interprete/DefaultValue and each
    Param's first Type child (for the ParamIndex)."""
    table = _sites_by_element()
    wanted = ["{*}" + name for name in table]
    if index is not None and "DefaultValue" not in table:
        wanted.append("{*}DefaultValue")
    references = model.references
    all_references = model.all_references
    # local name -> (sites, attributes its sites read, whether a site reads the text)
    entries = {name: (sites, tuple(dict.fromkeys(site.attribute for site in sites if site.attribute)),
                      any(site.attribute is None for site in sites))
               for name, sites in table.items()}
    by_tag: dict[str, tuple] = {}  # full tag -> (sites, attributes, reads text, is DefaultValue)
    comment = etree.Comment
    comments = []  # collected on the way for the suppressions (one walk instead of two)
    holders = set()
    types: dict = {}
    for element in model.root.iter(comment, *wanted):
        tag = element.tag
        if tag is comment:
            comments.append(element)
            continue
        entry = by_tag.get(tag)
        if entry is None:
            name = local_name(tag)
            entry = by_tag[tag] = entries.get(name, ((), (), False)) + (name == "DefaultValue", name == "Type")
        sites, attributes, reads_text, is_default, is_type = entry
        if is_type and index is not None:
            types.setdefault(element.getparent(), element)  # document order: the first Type child wins
        elif is_default:
            parent = element.getparent()
            if parent is not None and local_name(parent.tag) == "Interprete":
                holder = parent.getparent()
                if holder is not None:
                    holders.add(holder)
        # Cheapest test first, once per element rather than once per site: most candidates
        # (every Params/Param, most Type, OID, Monitored) hold no value at any of their sites.
        for attribute in attributes:
            if element.get(attribute) is not None:
                break
        else:
            if not reads_text:
                continue
            text = element.text
            if text is None and len(element):
                continue
            if text is not None and len(element) and not text.strip():
                continue
        parent_name = grandparent_name = None
        for site in sites:
            # Cheapest test first: most candidates hold no value at this site, and an element
            # whose text is only the indentation before its children (every Params/Param) is no
            # reference. A blank attribute or leaf text is kept: REF002 reports it.
            if site.attribute:
                raw = element.get(site.attribute)
                if raw is None:
                    continue
            else:
                # Leaf text; an empty leaf (<Param/>) is an empty value, kept for the judge.
                raw = element.text
                if len(element) and (raw is None or not raw.strip()):
                    continue
                if raw is None:
                    raw = ""
            if site.parents:
                if parent_name is None:
                    parent = element.getparent()
                    parent_name = local_name(parent.tag) if parent is not None else ""
                if parent_name not in site.parents:
                    continue
            if site.grandparents:
                if grandparent_name is None:
                    parent = element.getparent()
                    grand = parent.getparent() if parent is not None else None
                    grandparent_name = local_name(grand.tag) if grand is not None else ""
                if grandparent_name not in site.grandparents:
                    continue
            if site.when_text and (element.text or "").strip().lower() not in site.when_text:
                continue
            names_param = site.names_param
            for token in site.extract(element):
                reference = Reference(site, element, token)
                all_references.append(reference)
                if names_param:
                    param_id = normalize_id(token)
                    if param_id is not None:
                        references[param_id].append(reference)
    model.document.comments = comments
    if index is not None:
        index.default_holders = holders
        index.types = types if "Type" in table else None
