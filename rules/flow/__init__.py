"""FLOW: the execution flow as a whole (the graph of who runs whom: triggers, actions, groups, ...)."""
