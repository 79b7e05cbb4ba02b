"""Commands: what a protocol sends to a device (official category 10)."""
