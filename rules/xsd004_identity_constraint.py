"""## What it does
Reports a broken identity constraint of the schema: two elements sharing an id that must be
unique (two `Param` with the same `id`, two HTTP `Session` with the same `id`), or a reference
that points at no declared id (a keyref in Skyline's official schema).

## Why is this bad
DataMiner looks parameters and sessions up by id. With a duplicate only one of them is used,
and which one is not something to rely on; a dangling reference points at nothing.

## Example
```xml
<Params>
  <Param id="8"><Name>WebSocketUrl</Name></Param>
  <Param id="8"><Name>ExtensionsHeader</Name></Param>
</Params>
```

## Use instead
```xml
<Params>
  <Param id="8"><Name>WebSocketUrl</Name></Param>
  <Param id="9"><Name>ExtensionsHeader</Name></Param>
</Params>
```
"""

CODE = "XSD004"
NAME = "identity-constraint"
SEVERITY = "error"
SUMMARY = "A duplicate id or a dangling reference according to the schema's identity constraints"
# Reported by the schema validation layer (dmlint.schema); there is no check() to run.
