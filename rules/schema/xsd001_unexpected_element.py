"""## What it does
Reports an element, attribute or text that the schema does not allow where it stands: a
misspelt element name, an element in the wrong parent, an unknown attribute. When one of the
names allowed at that place is close, the message suggests it.

Checked against dmlint's bundled schema by default, or the schema given with `--schema`
(for example Skyline's official `protocol.xsd`).

## Why is this bad
DataMiner ignores what it does not recognise. A misspelt `<WebSocketHandShake>` silently turns
a custom handshake off, and a `<Header>` outside `<Headers>` is never sent; no other rule can
see the mistake because no rule looks for a name that should not exist.

## Example
```xml
<CommunicationOptions>
  <WebSocket>true</WebSocket>
  <WebSocketHandShake>25</WebSocketHandShake>
</CommunicationOptions>
```

## Use instead
```xml
<CommunicationOptions>
  <WebSocket>true</WebSocket>
  <WebSocketHandshake>25</WebSocketHandshake>
</CommunicationOptions>
```
"""

CODE = "XSD001"
NAME = "unexpected-element"
SEVERITY = "error"
SUMMARY = "An element, attribute or text the schema does not allow at this place"
# Reported by the schema validation layer (dmlint.schema); there is no check() to run.
