"""ACT: Actions (what they act on, their type, and the attributes each type needs)."""
