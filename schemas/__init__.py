"""XSD files dmlint validates protocols against (shipped as package data)."""
