"""SNMP: the protocol-level SNMP settings (Protocol/SNMP and its includepages attribute)."""
