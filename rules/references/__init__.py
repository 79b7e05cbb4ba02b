"""REF: ids that name parameters, tables and columns, read from the model's reference-site table."""
