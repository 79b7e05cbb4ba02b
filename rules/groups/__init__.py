"""GRP: Groups (what a group polls or runs, its id, name, condition-free checks of its content)."""
