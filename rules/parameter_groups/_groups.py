"""Shared by the PGRP rules: which parameter groups the checks look at, and how they are named."""

from __future__ import annotations

from dmlint.core.ids import dotnet_uint
from dmlint.model import child, children

# Characters a parameter group name may not hold (DCF interface names): those Windows forbids
# in file names.
RESTRICTED = '\\/:*?"<>|'
MAX_NAME_LENGTH = 32


def group_id(element) -> int | None:
    """Group@id as a number (.NET's reading: spaces around and a sign allowed), None otherwise."""
    return dotnet_uint(element.get("id"))


def valid_groups(model) -> list:
    """The ParameterGroups/Group elements whose id reads as a number: the official checks of a
    group's name and content leave the others to the id check."""
    return [element for element in model.section("parameter_group").items if group_id(element) is not None]


def group_label(element) -> str:
    raw = element.get("id")
    name = element.get("name")
    ident = raw.strip() if raw is not None and raw.strip() else "(no id)"
    return f"ParameterGroup {ident}" + (f" ({name.strip()})" if name and name.strip() else "")


def group_params(element) -> list:
    """The Params/Param elements of a group."""
    return children(child(element, "Params"), "Param")
