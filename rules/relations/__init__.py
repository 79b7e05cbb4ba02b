"""REL: the relations between tables (Protocol/Relations)."""
