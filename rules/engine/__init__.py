"""Codes the engine reports itself: unreadable files, malformed XML, rule failures, unused suppressions."""
