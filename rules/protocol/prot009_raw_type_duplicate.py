"""## What it does
Reports a parameter whose `Interprete` holds more than one `RawType`.

## Why is this bad
DataMiner reads one raw type per parameter; which of the two it takes is not
something to rely on, and the other one is silently ignored, so the value is read
or written in a format the author may not have meant.

## Example
```xml
<Param id="10">
  <Interprete>
    <RawType>numeric text</RawType>
    <RawType>other</RawType>
  </Interprete>
</Param>
```

## Use instead
```xml
<Param id="10">
  <Interprete>
    <RawType>numeric text</RawType>
  </Interprete>
</Param>
```
"""

from dmlint.core.problem import Problem

CODE = "PROT009"
NAME = "raw-type-duplicate"
SEVERITY = "error"
SUMMARY = "A parameter's Interprete holds more than one RawType"


def check(model):
    for group in model.params.values():
        for param in group:
            interprete = model.first(param.element, "Interprete")
            raw_types = model.all(interprete, "RawType")
            if len(raw_types) > 1:
                yield Problem(interprete, f"Param {param.id} has {len(raw_types)} RawType tags in its Interprete: keep "
                                          f"one", related=tuple((extra, "another RawType") for extra in raw_types[1:]))
