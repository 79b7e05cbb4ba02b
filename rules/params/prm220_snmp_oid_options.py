"""## What it does
Checks `SNMP/OID@options`: when present it must not be empty and must have no spaces
around it, and an OID polled with `partialSNMP:` must also have the `instance` option.

## Why is this bad
An empty or untrimmed value hides whether options were meant (DataMiner splits on `;`
and does not trim). Polling a table in parts (`partialSNMP`) only works when DataMiner
retrieves the instances (`instance`), otherwise the rows of the parts cannot be put
together.

## Example
```xml
<OID type="complete" options=";partialSNMP:10">1.3.6.1.2.1.2.2</OID>
<OID type="complete" options="">1.3.6.1.2.1.2.2</OID>
```

## Use instead
```xml
<OID type="complete" options="instance;partialSNMP:10">1.3.6.1.2.1.2.2</OID>
```

## Fix safety
Empty or untrimmed options: safe, the fix removes the empty attribute or the spaces. partialSNMP
without instance: unsafe, the fix adds the instance option before the others, which changes how
DataMiner polls the OID (as partialSNMP needs).
"""

from dmlint.core.fixes import UNSAFE, Fix, remove_attribute, replace_attribute_value, trim_attribute
from dmlint.core.problem import Problem

CODE = "PRM220"
NAME = "snmp-oid-options"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "SNMP/OID@options is empty, untrimmed, or uses partialSNMP without instance"


def check(model):
    for group in model.params.values():
        for param in group:
            oid = model.follow(param.element, "SNMP", "OID")
            raw = oid.get("options") if oid is not None else None
            if raw is None:
                continue
            label = f"the SNMP/OID of Param {param.id} ({param.name})"
            if not raw.strip():
                yield Problem(oid, f"{label} has an empty options attribute", attribute="options", official="2.76.1",
                              fix=Fix.of(remove_attribute(model.document, oid, "options"),
                                         message="remove the options"))
                continue
            if raw != raw.strip():
                yield Problem(oid, f"{label} has spaces around its options '{raw}'", attribute="options",
                              official="2.76.2",
                              fix=Fix.of(trim_attribute(model.document, oid, "options"), message="trim the options"))
            options = [part for part in raw.strip().split(";") if part]
            names = {part.lower() for part in options}
            partial = any(part.split(":")[0].lower() == "partialsnmp" for part in options)
            if partial and "instance" not in names:
                yield Problem(oid, f"{label} uses partialSNMP without the instance option", attribute="options",
                              official="2.76.3",
                              fix=Fix.of(replace_attribute_value(model.document, oid, "options",
                                                                 ";".join(["instance", *options])),
                                         safety=UNSAFE, message="add the instance option"))
