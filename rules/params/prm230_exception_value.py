"""## What it does
Checks the value of every `Interprete/Exceptions/Exception`, written twice: `@value`
(what the device sends) and the `Value` tag (what DataMiner stores). Both must be
present; on a parameter read as a number (`Interprete/Type` double) both must be numbers
(digits with an optional sign and decimal point); the `Value` tag has no spaces around it.

## Why is this bad
DataMiner compares the received value with `@value` and stores `Value` instead. When a
double parameter's exception value is no number it never matches, so the special value
is shown as a reading (or the parameter gets no value at all).

## Example
```xml
<Interprete><Type>double</Type>
  <Exceptions><Exception id="1" value="none"><Display state="disabled">N/A</Display></Exception></Exceptions>
</Interprete>
```

## Use instead
```xml
<Interprete><Type>double</Type>
  <Exceptions>
    <Exception id="1" value="-1"><Display state="disabled">N/A</Display><Value>-1</Value></Exception>
  </Exceptions>
</Interprete>
```

## Fix safety
Unsafe: the fix removes the spaces around the Value text, the value DataMiner compares a reading
with. No fix is offered for the other mistakes.
"""

import re

from dmlint.core.fixes import UNSAFE, Fix, trim_text
from dmlint.core.problem import Problem
from dmlint.model import text_of

CODE = "PRM230"
NAME = "exception-value"
SEVERITY = "error"
FIX = "unsafe"
SUMMARY = "An exception has no value attribute or Value tag, or one that is no number for a double"

NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$")


def check(model):
    for group in model.params.values():
        for param in group:
            interprete = model.first(param.element, "Interprete")
            exceptions = model.first(interprete, "Exceptions")
            if exceptions is None:
                continue
            kind = text_of(model.first(interprete, "Type"))
            double = kind == "double"
            label = f"an exception of Param {param.id} ({param.name})"
            for exception in model.all(exceptions, "Exception"):
                raw = exception.get("value")
                if raw is None:
                    yield Problem(exception, f"{label} has no value attribute", official="2.70.1")
                elif double and not NUMBER.match(raw.strip()):
                    yield Problem(exception, f"{label} has value '{raw.strip()}', which is no number while the "
                                             f"parameter is read as a double", attribute="value", official="2.70.2")
                value = model.first(exception, "Value")
                if value is None:
                    yield Problem(exception, f"{label} has no Value tag", official="2.71.1")
                    continue
                text = value.text or ""
                if double and not NUMBER.match(text.strip()):
                    yield Problem(value, f"{label} has Value '{text.strip()}', which is no number while the parameter "
                                         f"is read as a double", official="2.71.3")
                elif text != text.strip():
                    yield Problem(value, f"{label} has spaces around its Value '{text}'", official="2.71.2",
                                  fix=Fix.of(trim_text(model.document, value), safety=UNSAFE, message="trim the Value"))
