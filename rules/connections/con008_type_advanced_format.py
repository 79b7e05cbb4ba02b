"""## What it does
Checks the formatting of `Protocol/Type@advanced`: the attribute must not be empty
(remove it when there are no extra connections) and the types and names it lists
(`type:name;type:name`) must not carry leading or trailing spaces.

## Why is this bad
An empty attribute says nothing and spaces around a type or name make names
differ from the `PortSettings` names and types fail to match, depending on the
DataMiner version that parses them.

The official severity is Warning; dmlint reports a warning.

## Example
```xml
<Type advanced=" snmp : SNMP Connection">serial</Type>
```

## Use instead
```xml
<Type advanced="snmp:SNMP Connection">serial</Type>
```

## Fix safety
Safe: the fix removes an empty advanced attribute (it declares no connection), or the spaces around
each type and name.
"""

from dmlint.core.fixes import Fix, remove_attribute, replace_attribute_value
from dmlint.core.problem import Problem
from dmlint.model.connections import advanced_entries

CODE = "CON008"
NAME = "type-advanced-format"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "Type@advanced is empty or has untrimmed types or names"


def check(model):
    type_element = model.protocol_type
    if type_element is None or type_element.get("advanced") is None:
        return
    raw = type_element.get("advanced")
    if not raw.strip():
        yield Problem(type_element, "Type@advanced is empty: remove it or list the extra connections",
                      attribute="advanced", official="1.11.4",
                      fix=Fix.of(remove_attribute(model.document, type_element, "advanced"), message="remove advanced"))
        return
    untrimmed = []
    for kind, name in advanced_entries(type_element):
        for value in (kind, name):
            if value is not None and value != value.strip():
                untrimmed.append(f"'{value}'")
    if untrimmed:
        yield Problem(type_element,
                      f"Type@advanced has untrimmed value(s) {', '.join(untrimmed)}: remove the spaces",
                      attribute="advanced", official="1.11.5", fix=_trimmed(model, type_element))


def _trimmed(model, type_element):
    value = ";".join(kind.strip() if name is None else f"{kind.strip()}:{name.strip()}"
                     for kind, name in advanced_entries(type_element))
    return Fix.of(replace_attribute_value(model.document, type_element, "advanced", value),
                  message="trim the types and names")
