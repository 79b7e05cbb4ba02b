"""## What it does
Checks `Protocol/Type@options`: when present it must not be empty, and its value
must have no spaces around it.

The DVE tables named by `exportProtocol:<name>:<table pid>` options are checked by
REF001 (a parameter that does not exist, or that is not a table).

## Why is this bad
An empty `options` attribute says nothing and is usually left over from an editor.
Spaces around the value become part of the first and last option: a reader that
splits the value on `;` (the official validator's does) no longer recognises them
(` unicode` is not `unicode`).

## Example
```xml
<Type options=" unicode;exportProtocol:Router Card:1000 ">snmp</Type>
```

## Use instead
```xml
<Type options="unicode;exportProtocol:Router Card:1000">snmp</Type>
```
"""

from dmlint.core.problem import Problem

CODE = "PROT010"
NAME = "type-options-format"
SEVERITY = "warning"
SUMMARY = "Protocol/Type@options is empty or has spaces around its value"


def check(model):
    type_element = model.protocol_type
    raw = None if type_element is None else type_element.get("options")
    if raw is None:
        return
    if not raw.strip():
        yield Problem(type_element, "Type@options is empty: remove the attribute or list the options",
                      attribute="options", official="1.9.8")
    elif raw != raw.strip():
        yield Problem(type_element, f"Type@options '{raw}' has spaces around its value: remove them",
                      attribute="options", official="1.9.9")
