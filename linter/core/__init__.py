"""The core: bytes to findings (parser, engine, registry, selection, suppressions, baseline)."""
