"""## What it does
Checks how `SNMP/OID@id` goes with the OID:

- on a table (a parameter with `ArrayOptions`) that is not polled as a subtable
  (`subtable` in `OID@options`), `OID@id` does not belong;
- on any other parameter, an OID with a wildcard (`1.3.6.1.2.1.2.2.1.2.*`) needs
  `OID@id` (the parameter holding the instance to fill in), and `OID@id` needs a
  wildcard to fill.

## Why is this bad
DataMiner replaces the `*` of the OID by the value of the `OID@id` parameter. Without a
wildcard the id is ignored, without an id the `*` is sent as is and the get fails; a table
polls all its rows and has no instance to fill in.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<SNMP><OID type="complete">1.3.6.1.2.1.1.5.*</OID></SNMP>
```

## Use instead
```xml
<SNMP><OID type="complete" id="20">1.3.6.1.2.1.1.5.*</OID></SNMP>
```
"""

from dmlint.core.problem import Problem

CODE = "PRM218"
NAME = "snmp-oid-id-combo"
SEVERITY = "warning"
SUMMARY = "SNMP/OID@id on a table, or an OID wildcard without OID@id (or the reverse)"


def check(model):
    tables = None
    for group in model.params.values():
        for param in group:
            oid = model.follow(param.element, "SNMP", "OID")
            if oid is None:
                continue
            if tables is None:
                tables = {id(table.element): table for table in model.all_tables if table.array_options is not None}
            has_id = oid.get("id") is not None
            label = f"Param {param.id} ({param.name})"
            if id(param.element) in tables:
                options = [part.lower() for part in (oid.get("options") or "").strip().split(";")]
                if has_id and "subtable" not in options:
                    yield Problem(oid, f"{label} is a table; its SNMP/OID needs no id attribute unless it is polled as "
                                       f"a subtable", attribute="id", official="2.47.1")
                continue
            wildcard = "*" in (oid.text or "")
            if wildcard != has_id:
                why = ("has a wildcard but no id attribute to fill it" if wildcard
                       else "has an id attribute but no wildcard (*) for it to fill")
                yield Problem(oid, f"the SNMP/OID of {label} {why}", official="2.47.2")
