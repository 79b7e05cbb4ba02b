"""## What it does
Checks `SNMP/OID@id`, the parameter whose value replaces the `*` of the OID: it must not
be empty, must be a plain number (no sign, no leading zero), must name an existing
parameter that is a standalone `read` or `bus` parameter (not a table column), and must
have no spaces around it.

## Why is this bad
DataMiner reads the instance from that parameter before every get. A missing parameter,
a column (which has one value per row) or a write parameter gives no usable instance, so
the OID is never polled correctly.

## Example
```xml
<Param id="30"><SNMP><OID type="complete" id="99">1.3.6.1.2.1.1.5.*</OID></SNMP></Param>
<!-- no Param 99 -->
```

## Use instead
```xml
<Param id="20"><Name>Instance</Name><Type>read</Type>...</Param>
<Param id="30"><SNMP><OID type="complete" id="20">1.3.6.1.2.1.1.5.*</OID></SNMP></Param>
```

## Fix safety
Safe: the fix removes the spaces around the id, the id DataMiner reads.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.ids import dotnet_uint, is_ascii_digits
from dmlint.core.problem import Problem

CODE = "PRM219"
NAME = "snmp-oid-id"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "SNMP/OID@id is empty, not a plain number, names no read or bus parameter, or is untrimmed"


def check(model):
    for group in model.params.values():
        for param in group:
            oid = model.follow(param.element, "SNMP", "OID")
            raw = oid.get("id") if oid is not None else None
            if raw is None:
                continue
            label = f"the SNMP/OID of Param {param.id} ({param.name})"
            value = raw.strip()
            if not value:
                yield Problem(oid, f"{label} has an empty id attribute", attribute="id", official="2.48.1")
                continue
            if not is_ascii_digits(value) or (value != "0" and value.startswith("0")):
                yield Problem(oid, f"{label} has id '{value}', which is not a plain number", attribute="id",
                              official="2.48.2")
                continue
            number = dotnet_uint(value)
            target = model.param_by_key(str(number)) if number is not None else None
            if target is None:
                yield Problem(oid, f"{label} takes its instance from Param {value}, which does not exist",
                              attribute="id", official="2.48.3")
                continue
            kind = (target.type_element.text or "").strip() if target.type_element is not None else None
            if kind not in ("read", "bus") or model.table_of(target.id) is not None:
                what = "a table column" if kind in ("read", "bus") else f"of type '{kind or 'none'}'"
                yield Problem(oid, f"{label} takes its instance from Param {value}, which is {what}; it should be "
                                   f"a standalone read or bus parameter", attribute="id", official="2.48.4")
                continue
            if raw != value:
                yield Problem(oid, f"{label} has spaces around its id '{raw}'", attribute="id", official="2.48.5",
                              fix=Fix.of(trim_attribute(model.document, oid, "id"), message="trim the id"))
