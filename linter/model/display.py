"""The protocol's data display: its pages and the entries of `Display@pageOrder`.

A page exists because parameters are positioned on it: every `Params/Param` with
`Display/RTDisplay` true and a `Display/Positions/Position/Page` (trimmed, not blank)
puts itself on that page. Table columns do not make pages (their table does): a
parameter named as a column of a table, and a write parameter whose read parameter
(same Name and Description, of type read or read bit) is a column, are left out. A
displayed `pagebutton` parameter's discreet values name pop-up pages.

`Display@pageOrder` lists pages separated by `;`: a page name (matched against the
pages ignoring case), a separator (`---...`) or a web interface page (`Name#URL`).

The builders take the model; the model caches what they return (`model.pages`,
`model.page_order`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dmlint.model.elements import child, is_true, text_of

REGULAR, SEPARATOR, WEB, UNKNOWN = "regular", "separator", "web", "unknown"


@dataclass
class Page:
    name: str
    params: list = field(default_factory=list)  # the Param elements positioned on it
    popup: bool = False  # named by a page button: opened as a pop-up, not in the page list


def _kind(model, param) -> str:
    return (text_of(model.first(param, "Type")) or "").lower()


def _canonical_id(param) -> str | None:
    from dmlint.core.ids import normalize_id

    return normalize_id(param.get("id"))


def pages(model) -> dict[str, Page]:
    """Every page of the protocol by name, in order of first appearance."""
    found: dict[str, Page] = {}
    columns = model.columns
    # (Name, Description) of the read parameters that are table columns: a write parameter with
    # the same pair is the write side of such a column.
    read_columns = {(text_of(model.first(param, "Name")), text_of(model.first(param, "Description")))
                    for param in model.all_params
                    if _kind(model, param) in ("read", "read bit") and _canonical_id(param) in columns}
    for param in model.all_params:
        display = model.first(param, "Display")
        positions = model.first(display, "Positions")
        if positions is None or not is_true(model.first(display, "RTDisplay")):
            continue
        if _canonical_id(param) in columns:
            continue
        if read_columns and _kind(model, param) in ("write", "write bit") and \
                (text_of(model.first(param, "Name")), text_of(model.first(param, "Description"))) in read_columns:
            continue
        for position in model.all(positions, "Position"):
            name = text_of(model.first(position, "Page"))
            if name:
                found.setdefault(name, Page(name)).params.append(param)
        if (model.measurement_kind(param) or "").lower() == "pagebutton":
            for discreet in model.discreets(param):
                name = text_of(model.first(discreet, "Value"))
                if name:
                    found.setdefault(name, Page(name)).popup = True
    return found


@dataclass(frozen=True)
class PageOrderEntry:
    position: int
    text: str  # as written between the separators
    kind: str  # regular | separator | web | unknown


def page_order(model) -> list[PageOrderEntry] | None:
    """The entries of `Protocol/Display@pageOrder` (its value trimmed, split on ';'), or None when
    the attribute is absent or blank."""
    display = child(model.root, "Display")
    raw = None if display is None else display.get("pageOrder")
    if raw is None or not raw.strip():
        return None
    known = {name.lower() for name in model.pages}
    entries = []
    for position, text in enumerate(raw.strip().split(";")):
        if text.lower() in known:
            kind = REGULAR
        elif text.startswith("---"):
            kind = SEPARATOR
        elif "#" in text:
            kind = WEB
        else:
            kind = UNKNOWN
        entries.append(PageOrderEntry(position, text, kind))
    return entries
