"""TOPO: the EPM topologies (Protocol/Topologies)."""
