"""PROT: the protocol-level tags (Protocol, Name, Version, Provider, ElementType, Compliancies, the XML declaration, ...)."""
