"""Pairs: a command and the responses it waits for (official category 9)."""
