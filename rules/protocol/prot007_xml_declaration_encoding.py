"""## What it does
Reports an XML declaration that names another encoding than UTF-8
(`<?xml version="1.0" encoding="iso-8859-1"?>`). A file without a declaration, or
with a declaration without `encoding`, is fine: XML defaults to UTF-8.

## Why is this bad
DataMiner and Skyline's tools (DIS, the CI/CD pipelines, the Catalog) read and write
protocols as UTF-8. A file declared as another encoding is re-encoded, or misread,
on the way: names with accents, units such as `°C` and `µs` come out mangled.

## Example
```xml
<?xml version="1.0" encoding="iso-8859-1"?>
<Protocol xmlns="http://www.skyline.be/protocol">
```

## Use instead
```xml
<?xml version="1.0" encoding="utf-8"?>
<Protocol xmlns="http://www.skyline.be/protocol">
```
"""

import codecs
import re

from dmlint.core.problem import Problem

CODE = "PROT007"
NAME = "xml-declaration-encoding"
SEVERITY = "error"
SUMMARY = "The XML declaration names another encoding than UTF-8"

_DECLARATION = re.compile(r"<\?xml\s[^?]*?\bencoding\s*=\s*([\"'])(.*?)\1", re.DOTALL)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def declared_encoding(data: bytes) -> str | None:
    """The encoding named in the XML declaration at the start of the file, or None."""
    head, codec = data[:512], "latin-1"
    for bom, name in _BOMS:
        if head.startswith(bom):
            head, codec = head[len(bom):], name
            break
    else:
        if head.startswith(b"<\x00"):
            codec = "utf-16-le"
        elif head.startswith(b"\x00<"):
            codec = "utf-16-be"
    text = head.decode(codec, errors="replace")
    if not text.startswith("<?xml"):
        return None
    end = text.find("?>")
    match = _DECLARATION.match(text[:end + 2] if end >= 0 else text)
    return match.group(2) if match else None


def check(model):
    encoding = declared_encoding(model.document.data)
    if encoding is not None and encoding.lower() != "utf-8":
        yield Problem(model.root, f"the XML declaration says encoding=\"{encoding}\": write the protocol as UTF-8 and "
                                  f"declare encoding=\"utf-8\"")
