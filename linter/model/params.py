"""Parameters: `Protocol/Params/Param`, their Type, and what the tables need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from dmlint.core.ids import normalize_id
from dmlint.model.elements import child, is_true, local_name, options_of, path, text_of

DYNAMIC_IP = re.compile(r"^dynamic\s+ip(?:\s+(\S+))?$", re.IGNORECASE)

# Values of Param/Type (protocol.xsd, EnumParamType).
PARAM_TYPES = (
    "array", "bus", "crc", "dataminer info", "discreet info", "dummy", "elementdmaid", "elementid",
    "elementname", "fixed", "group", "header", "ip", "length", "matrix", "pollingip", "read",
    "read bit", "response", "trailer", "write", "write bit",
)


class ParamIndex:
    """What the model's pass over the tree learns about Param elements on the way: which have an
    `Interprete/DefaultValue` grandchild, and each one's first `Type` child. Without that pass
    the holders are found on first use by one C-level pass over the Params block (cheaper than
    asking every parameter)."""

    def __init__(self, params_block):
        self._block = params_block
        self.default_holders: set | None = None  # filled by the model's pass
        self.types: dict | None = None  # element -> its first Type child, filled by that pass too
        self.first = child  # `model.first` once the model is built (its child index)

    def __contains__(self, element) -> bool:
        if self.default_holders is None:
            found = set()
            if self._block is not None:
                for default in self._block.iter("{*}DefaultValue"):
                    parent = default.getparent()
                    if parent is not None and local_name(parent.tag) == "Interprete":
                        holder = parent.getparent()
                        if holder is not None:
                            found.add(holder)
            self.default_holders = found
        return element in self.default_holders


@dataclass
class Param:
    element: object
    id: str  # canonical id
    index: ParamIndex | None = field(default=None, repr=False, compare=False)

    @cached_property
    def name(self) -> str:
        first = self.index.first if self.index is not None else child
        return text_of(first(self.element, "Name")) or ""

    @property
    def type_element(self):
        """The first `Param/Type` child, or None (from the index of the model's pass)."""
        index = self.index
        if index is not None and index.types is not None:
            return index.types.get(self.element)
        return child(self.element, "Type")

    @property
    def type_text(self) -> str:
        """`Param/Type` trimmed and lower-cased ('' when absent)."""
        return (text_of(self.type_element) or "").lower()

    @property
    def saved(self) -> bool:
        return (self.element.get("save") or "").strip().lower() == "true"

    @property
    def displayed(self) -> bool:
        return is_true(path(self.element, "Display", "RTDisplay"))

    @property
    def default_value_element(self):
        if self.index is not None and self.element not in self.index:
            return None
        return path(self.element, "Interprete", "DefaultValue")

    @property
    def default_value(self) -> str | None:
        element = self.default_value_element
        return None if element is None else (element.text or "")

    @property
    def type_options(self) -> list[str]:
        type_element = self.type_element
        return [] if type_element is None else options_of(type_element.get("options"))

    def dynamic_ip_targets(self) -> list[str]:
        """Connection numbers (canonical digits) this parameter's `dynamic ip` options point at
        ('0' = the first); a target that is not a number is left out (PRM008 reports it)."""
        targets = []
        for option in self.type_options:
            match = DYNAMIC_IP.match(option)
            if match:
                target = normalize_id(match.group(1) or "0")
                if target is not None:
                    targets.append(target)
        return targets


@dataclass
class ParamType:
    """A parameter with a valid id and its `Type` element."""

    pid: str
    param: Param
    element: object | None  # the Param/Type element
    kind: str  # Type text, trimmed (case kept)
    options: list[str]  # Type@options split on ';', trimmed, empty ones dropped

    @property
    def label(self) -> str:
        return f"Param {self.pid} ({self.param.name})"


def param_types(params: dict[str, list[Param]]) -> list[ParamType]:
    """Every parameter with a valid id, with its Type, in document order of ids."""
    found = []
    for pid, group in params.items():
        for param in group:
            element = param.type_element
            if element is None:
                found.append(ParamType(pid, param, None, "", []))
            else:
                found.append(ParamType(pid, param, element, (element.text or "").strip(), param.type_options))
    return found


def param_label(param_element) -> str:
    """'Param 12 (Name)' for messages."""
    raw = param_element.get("id")
    name = text_of(child(param_element, "Name"))
    ident = raw.strip() if raw is not None and raw.strip() else "(no id)"
    return f"Param {ident}" + (f" ({name})" if name else "")
