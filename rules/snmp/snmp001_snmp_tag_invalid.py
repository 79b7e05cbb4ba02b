"""## What it does
Checks `Protocol/SNMP`: every protocol declares it, with `auto` or `false` (any
case). `true` is not one of its values.

## Why is this bad
The tag tells DataMiner how the protocol's SNMP support is set up; the official
validator rejects a protocol without it or with another value, and Skyline's
templates always write `<SNMP includepages="true">auto</SNMP>`.

## Example
```xml
<SNMP includepages="true">true</SNMP>
```

## Use instead
```xml
<SNMP includepages="true">auto</SNMP>
```

## Fix safety
Unsafe: the fix writes auto, with which DataMiner enables SNMP when the protocol has SNMP
parameters; a missing tag is added as <SNMP includepages="true">auto</SNMP> (after Display or Type).
A protocol meant to have SNMP switched off needs false instead.
"""

from dmlint.core.fixes import UNSAFE, Fix, insert_element, qualified, replace_text
from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "SNMP001"
NAME = "snmp-tag-invalid"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "Protocol/SNMP is missing, empty, or neither 'auto' nor 'false'"

VALUES = ("auto", "false")


def check(model):
    element = child(model.root, "SNMP")
    if element is None:
        yield Problem(model.root, "the protocol has no <SNMP>: add <SNMP includepages=\"true\">auto</SNMP> (or "
                                  "'false' when it does no SNMP polling)", official="1.4.1", fix=_added(model))
        return
    raw = element.text or ""
    if not raw.strip():
        yield Problem(element, "<SNMP> is empty: it should be 'auto' or 'false'", official="1.4.2",
                      fix=_auto(model, element))
    elif raw.strip().lower() not in VALUES:
        yield Problem(element, f"<SNMP> holds '{raw.strip()}': it should be 'auto' or 'false'", official="1.4.3",
                      fix=_auto(model, element))


def _auto(model, element):
    return Fix.of(replace_text(model.document, element, "auto"), safety=UNSAFE, message="write auto")


def _added(model):
    root = model.root
    after = child(root, "Display")
    if after is None:
        after = child(root, "Type")
    tag = qualified(root, "SNMP")
    return Fix.of(insert_element(model.document, root, f'<{tag} includepages="true">auto</{tag}>', after=after),
                  safety=UNSAFE, message="add <SNMP includepages=\"true\">auto</SNMP>")
