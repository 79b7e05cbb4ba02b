"""## What it does
Reports a broken identity constraint of the schema: two elements sharing an id that must be
unique (two `Connections/Connection` with the same `id`; with Skyline's official schema also
parameters, sessions, QAction and Action names, ...), or a reference that points at no declared
id (a keyref in the official schema). Duplicate `Param` and `Session` ids are reported by PRM003
and HTTP002 with the bundled schema.

## Why is this bad
DataMiner looks connections, parameters and sessions up by id. With a duplicate only one of
them is used, and which one is not something to rely on; a dangling reference points at nothing.

## Example
```xml
<Connections>
  <Connection id="1" name="WebSocket Connection"><Http/></Connection>
  <Connection id="1" name="Second"><Http/></Connection>
</Connections>
```

## Use instead
```xml
<Connections>
  <Connection id="1" name="WebSocket Connection"><Http/></Connection>
  <Connection id="2" name="Second"><Http/></Connection>
</Connections>
```
"""

CODE = "XSD004"
NAME = "identity-constraint"
SEVERITY = "error"
SUMMARY = "A duplicate id or a dangling reference according to the schema's identity constraints"
# Reported by the schema validation layer (dmlint.schema); there is no check() to run.
