"""## What it does
Checks `Interprete/LengthType@id`, the parameter that holds the length of this one: it is
required when `LengthType` is `other param`, must not be empty, must name an existing
parameter (its id written exactly, without leading zeros), that parameter must read its value
as a number (`Interprete/Type` `double`), and the attribute must have no spaces around it.

## Why is this bad
DataMiner reads the length of the value from the other parameter; without it (or when that
parameter holds text) the message cannot be split and the following parameters get garbage.

## Example
```xml
<Param id="200"><Interprete><LengthType>other param</LengthType>...</Interprete></Param>
<Param id="201"><Interprete><LengthType id="99">other param</LengthType>...</Interprete></Param>  <!-- no Param 99 -->
```

## Use instead
```xml
<Param id="199"><Interprete><Type>double</Type>...</Interprete></Param>
<Param id="200"><Interprete><LengthType id="199">other param</LengthType>...</Interprete></Param>
```

## Fix safety
Safe: the fix removes the spaces around the id. The other mistakes get no fix.
"""

from dmlint.core.fixes import Fix, trim_attribute
from dmlint.core.problem import Problem
from dmlint.model.elements import text_of
from dmlint.model.values import attribute_value

CODE = "PRM132"
NAME = "length-type-id"
SEVERITY = "error"
FIX = "safe"
SUMMARY = "Interprete/LengthType@id is missing, empty, names no parameter or one that holds no number"


def check(model):
    links = model.links
    for pid, group in model.params.items():
        for param in group:
            tag = model.follow(param.element, "Interprete", "LengthType")
            if tag is None:
                continue
            value = attribute_value(tag, "id")
            if value.missing:
                if text_of(tag) == "other param":
                    yield Problem(tag, f"Param {pid} takes its length from another parameter but LengthType has no id",
                                  official="2.69.1")
                continue
            if value.empty:
                yield Problem(tag, f"Param {pid} has an empty LengthType@id", attribute="id", official="2.69.2")
                continue
            referenced = links.param(value.text)
            if referenced is None:
                yield Problem(tag, f"Param {pid} takes its length from Param {value.text}, which does not exist",
                              attribute="id", official="2.69.4")
                continue
            value_type = model.follow(referenced, "Interprete", "Type")
            if text_of(value_type) != "double":
                yield Problem(value_type if value_type is not None else referenced,
                              f"Param {value.text} holds the length of Param {pid} but its Interprete/Type is "
                              f"'{text_of(value_type) or ''}': use double", official="2.69.5")
                continue
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its LengthType@id '{value.raw}'", attribute="id",
                              official="2.69.3",
                              fix=Fix.of(trim_attribute(model.document, tag, "id"), message="trim the id"))
