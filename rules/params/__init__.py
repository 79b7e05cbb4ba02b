"""PRM: parameters (official category 2)."""
