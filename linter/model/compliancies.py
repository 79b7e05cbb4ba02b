"""DataMiner versions and the protocol features that need a recent one (Compliancies).

`Protocol/Compliancies/MinimumRequiredVersion` holds a DataMiner version: `10.2.0.0`
or `10.1.3.0 - 9963` (version, then the build number). `read_version` reads it the
way DataMiner's tools do: two to four dot-separated numbers, optionally `-` and a
build number, spaces around the parts allowed.

`FEATURES` lists the protocol XML features that need a DataMiner version later than
the oldest one Skyline still supports (`MINIMUM_SUPPORTED`), with the version of the
main release and of the feature release that introduced them. Features of older
releases need no check; features found in QAction code are out of dmlint's reach.
`model.version_features` finds them through direct child paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from dmlint.core.ids import INT32_MAX, UINT32_MAX, read_id
from dmlint.model.elements import child, children


@dataclass(frozen=True)
class DataMinerVersion:
    parts: tuple[int, ...]  # 2 to 4 numbers; a missing part sorts before 0 (as .NET's Version)
    build: int = 0

    def __str__(self) -> str:
        version = ".".join(str(part) for part in self.parts)
        return f"{version} - {self.build}" if self.build else version

    def key(self) -> tuple:
        return tuple(self.parts) + (-1,) * (4 - len(self.parts)), self.build

    def __lt__(self, other: "DataMinerVersion") -> bool:  # type: ignore[override]
        return self.key() < other.key()

    def __le__(self, other: "DataMinerVersion") -> bool:  # type: ignore[override]
        return self.key() <= other.key()

    def __gt__(self, other: "DataMinerVersion") -> bool:  # type: ignore[override]
        return self.key() > other.key()

    def __ge__(self, other: "DataMinerVersion") -> bool:  # type: ignore[override]
        return self.key() >= other.key()


def read_version(text: str | None) -> DataMinerVersion | None:
    """`10.1.3.0 - 9963` -> DataMinerVersion((10, 1, 3, 0), 9963); None when it is not a version."""
    if text is None or not text.strip():
        return None
    version_text, dash, build_text = text.partition("-")
    build = 0
    if dash:
        build = read_id(build_text).value(UINT32_MAX)
        if build is None:
            return None
    pieces = version_text.strip().split(".")
    if not 2 <= len(pieces) <= 4:
        return None
    parts = []
    for piece in pieces:
        value = read_id(piece).value(INT32_MAX)
        if value is None:
            return None
        parts.append(value)
    return DataMinerVersion(tuple(parts), build)


# The oldest DataMiner version Skyline supports, as the official validator's own defaults have it.
MINIMUM_SUPPORTED = DataMinerVersion((10, 1, 0, 0), 9966)


@dataclass(frozen=True)
class Feature:
    title: str
    main_release: DataMinerVersion
    feature_release: DataMinerVersion
    find: Callable  # (model) -> the elements that use the feature, in document order

    @property
    def version(self) -> DataMinerVersion:
        """The first version with the feature (the feature release comes before the main release)."""
        return self.feature_release


def _chains_with(attribute: str):
    def find(model):
        return [chain for chain in children(child(model.root, "Chains"), "Chain") if chain.get(attribute) is not None]
    return find


def _flush_per_datagram(model):
    found = [ports for ports in children(child(model.root, "Ports"), "PortSettings")
             if child(ports, "FlushPerDatagram") is not None]
    main = child(model.root, "PortSettings")
    if main is not None and child(main, "FlushPerDatagram") is not None:
        found.append(main)
    return found


def _export_rules_where_attribute(model):
    return [rule for rule in children(child(model.root, "ExportRules"), "ExportRule")
            if rule.get("whereAttribute") is not None]


FEATURES: tuple[Feature, ...] = (
    Feature("Chain Grouping Name", DataMinerVersion((10, 2, 0, 0), 11517), DataMinerVersion((10, 1, 3, 0), 9963),
            _chains_with("groupingName")),
    Feature("Chain Default Selection Field", DataMinerVersion((10, 2, 0, 0), 11517),
            DataMinerVersion((10, 1, 3, 0), 9963), _chains_with("defaultSelectionField")),
    Feature("Flush Per Datagram", DataMinerVersion((10, 2, 0, 0), 11517), DataMinerVersion((10, 1, 4, 0), 10077),
            _flush_per_datagram),
    Feature("Export Rules - whereAttribute", DataMinerVersion((10, 4, 0, 0)), DataMinerVersion((10, 3, 8, 0), 13183),
            _export_rules_where_attribute),
)


def version_features(model) -> list[tuple[Feature, list]]:
    """(feature, elements using it) for every feature of FEATURES the protocol uses."""
    found = []
    for feature in FEATURES:
        elements = feature.find(model)
        if elements:
            found.append((feature, elements))
    return found
