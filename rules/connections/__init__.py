"""CON: the protocol's connections, in either syntax (Protocol/Type or Connections)."""
