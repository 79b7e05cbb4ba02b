"""Output formats for `dmlint check`. Each module exposes `render(result) -> str`."""

from __future__ import annotations

import gc
import importlib

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def render(name: str, result, **options) -> str:
    module = importlib.import_module(f"dmlint.formatters.{name}_format")
    # A report of 100,000s of findings allocates a dict or more per finding, all alive until
    # the end: the cyclic collector would traverse them again and again (it scans every
    # tracked object). Formatters make no reference cycles, so pause it, as the engine does.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return module.render(result, **options)
    finally:
        if paused:
            gc.enable()
