"""TRG: Triggers (what they go off on, when, and what they run)."""
