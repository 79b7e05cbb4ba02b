"""## What it does
Reports a required child element or attribute that is missing, according to dmlint's bundled
schema or the schema given with `--schema`.

## Why is this bad
DataMiner needs these values to load or run the protocol: a `Param` without an `id` cannot be
referenced, an HTTP session `Connection` without a `Request` sends nothing. With Skyline's
official schema this also covers what the official validator requires (for example
`Protocol/Type` and `Protocol/Compliancies`).

## Example
```xml
<Param>
  <Name>WebSocketUrl</Name>
</Param>
```

## Use instead
```xml
<Param id="8">
  <Name>WebSocketUrl</Name>
</Param>
```
"""

CODE = "XSD002"
NAME = "missing-required"
SEVERITY = "error"
SUMMARY = "A required element or attribute is missing according to the schema"
# Reported by the schema validation layer (dmlint.schema); there is no check() to run.
