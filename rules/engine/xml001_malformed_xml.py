"""## What it does
Reports a file that is not well-formed XML, at the line and column where the
parser gave up.

## Why is this bad
DataMiner cannot load a protocol it cannot parse, and no other check can run on
it. Typical causes: a tag closed in the wrong order, an unescaped `&` or `<` in a
value, a doubled byte-order mark left by an editor, or a truncated file.

A file without any element (empty, only whitespace, a byte-order mark, an XML
declaration or comments) has no `<Protocol>` tag: that finding carries the
official code 1.1.1 (CheckProtocolTag); other XML001 findings have none.

## Example
```xml
<Param id="8"><Name>Url</Param>
```

## Use instead
```xml
<Param id="8"><Name>Url</Name></Param>
```
"""

CODE = "XML001"
NAME = "malformed-xml"
SEVERITY = "error"
SUMMARY = "The file is not well-formed XML"
# Reported by the engine when parsing fails; there is no check() to run.
