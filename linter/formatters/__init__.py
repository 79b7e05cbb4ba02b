"""Output formats for `dmlint check`. Each module exposes `render(result) -> str`."""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def render(name: str, result, **options) -> str:
    module = importlib.import_module(f"dmlint.formatters.{name}_format")
    return module.render(result, **options)
