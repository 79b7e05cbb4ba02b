"""Responses: what a protocol expects back from a device (official category 11)."""
