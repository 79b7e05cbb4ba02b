"""PROT: the protocol-level tags (Protocol, Name, Version, Provider, ElementType, Compliancies, ...)."""
