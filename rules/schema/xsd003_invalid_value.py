"""## What it does
Reports a value the schema rejects: text or an attribute that is not of the expected datatype
(a parameter id that is not an unsigned integer), outside an enumeration (`save="yes"`), or not
matching a pattern or length facet.

With Skyline's official schema given by `--schema`, its .NET regular expressions are rewritten
to XSD ones with the same meaning first, so valid values such as `DMS-DRV-1234` are accepted and
`DMS-DRV-` is rejected, as .NET would.

## Why is this bad
DataMiner parses these values; one it cannot parse is ignored or makes the element fail to
start. A parameter id like `12a` cannot be referenced by any other part of the protocol.
Where a rule reports the same attribute (PRM001 for `12a`) or element value (PRM101 for
`<RTDisplay>yes</RTDisplay>`), only the rule's finding is shown.

## Example
```xml
<Param id="12a" save="yes">
```

## Use instead
```xml
<Param id="12" save="true">
```
"""

CODE = "XSD003"
NAME = "invalid-value"
SEVERITY = "error"
SUMMARY = "A value is not valid for its datatype, enumeration or pattern in the schema"
# Reported by the schema validation layer (dmlint.schema); there is no check() to run.
