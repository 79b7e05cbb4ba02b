"""XSD: schema validation findings (bundled schema or protocol.xsd)."""
