"""TREE: the tree controls and the tables they show (Protocol/TreeControls)."""
