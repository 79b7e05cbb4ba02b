"""## What it does
Reports a required child element or attribute that is missing, according to dmlint's bundled
schema or the schema given with `--schema`.

## Why is this bad
DataMiner needs these values: a response `Content` without `pid` has nowhere to store the body.
With Skyline's official schema this also covers what the official validator requires (for
example `Protocol/Type`, `Protocol/Compliancies`, a `Response` in every session `Connection`).
A missing `Param@id` or `Session@id` is reported by PRM001 and HTTP001 instead.

## Example
```xml
<Response statusCode="220">
  <Content/>
</Response>
```

## Use instead
```xml
<Response statusCode="220">
  <Content pid="270"/>
</Response>
```
"""

CODE = "XSD002"
NAME = "missing-required"
SEVERITY = "error"
SUMMARY = "A required element or attribute is missing according to the schema"
# Reported by the schema validation layer (dmlint.schema); there is no check() to run.
