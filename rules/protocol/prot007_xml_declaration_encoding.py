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

## Fix safety
Safe: the fix changes the declared encoding to UTF-8 when that does not change what the bytes say:
the file starts with a UTF-8 byte-order mark (it is read as UTF-8 whatever it declares) or holds
only ASCII characters. A file with other characters would have to be re-encoded, which changes bytes
outside the declaration: no fix is offered.
"""

import codecs
import re

from dmlint.core.fixes import Fix, replace_declared_encoding
from dmlint.core.problem import Problem

CODE = "PROT007"
NAME = "xml-declaration-encoding"
SEVERITY = "error"
FIX = "safe"
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
                                  f"declare encoding=\"utf-8\"", fix=_declared_utf8(model.document))


def _declared_utf8(document):
    """Declare UTF-8 when the bytes already say the same in UTF-8: after a UTF-8 byte-order mark
    (read as UTF-8 whatever the declaration says) or when they are all ASCII (not UTF-16)."""
    data = document.data
    if not (data.startswith(codecs.BOM_UTF8) or (data.isascii() and b"\x00" not in data)):
        return None
    return Fix.of(replace_declared_encoding(document, "UTF-8"), message="declare UTF-8")
