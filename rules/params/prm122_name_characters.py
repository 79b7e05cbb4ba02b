"""## What it does
Checks the characters of every parameter name: it should hold only letters, digits and
underscores (no spaces or punctuation), should not start with digits, and should have no
spaces around it. Names that are missing, empty or reserved are left to PRM120 and PRM121.

The official severities are Warning; dmlint reports warnings.

## Why is this bad
QActions refer to parameters by their name (`Parameter.Poll_status`); DataMiner replaces
every other character (and a leading digit) when it generates that name, so the name in
the protocol and the one in the code drift apart, and two names can end up the same.

## Example
```xml
<Param id="10"><Name>Poll status [%]</Name>...</Param>
<Param id="11"><Name>2ndInput</Name>...</Param>
```

## Use instead
```xml
<Param id="10"><Name>PollStatusPercentage</Name>...</Param>
<Param id="11"><Name>SecondInput</Name>...</Param>
```

## Fix safety
Spaces around the name are removed (safe). A name with other characters than letters, digits
and underscores is rewritten without them (unsafe: the parameter is renamed, and QActions,
scripts or other protocols that name it must follow): a leading space becomes `_`, other spaces
go, each other character becomes `_`, and the letter after each becomes upper case
(`Speed [Mbps]` becomes `Speed_Mbps_`). No fix is offered when another parameter already has
the new name, nor for names that start with digits.
"""

from dmlint.core.fixes import UNSAFE, Fix, replace_text, trim_text
from dmlint.core.problem import Problem
from dmlint.model.values import element_value

CODE = "PRM122"
NAME = "name-characters"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "A Param name has characters other than letters, digits and underscores, starts with digits or is untrimmed"


def leading_digits(name: str) -> list[str]:
    """The digits before the first letter of a name."""
    found = []
    for char in name:
        if char.isdecimal():
            found.append(char)
        elif char.isalpha():
            break
    return found


def unrecommended(name: str) -> list[str]:
    """The characters other than letters, digits and '_' (spaces shown as [Whitespace]), once each."""
    found = []
    for char in name:
        if char.isalpha() or char.isdecimal() or char == "_":
            continue
        shown = "[Whitespace]" if char.isspace() else char
        if shown not in found:
            found.append(shown)
    return found


def recommended_name(raw: str) -> str:
    """The name written with letters, digits and underscores only: a space at the start becomes
    '_', other spaces go, every other such character becomes '_', and the letter after a removed
    or replaced character is written in upper case (`speed in Mbps` becomes `speedInMbps`)."""
    written = ["_"] if raw[:1].isspace() else []
    upper = bool(written)
    for char in raw:
        if char.isspace():
            upper = True
        elif char.isalpha() or char.isdecimal() or char == "_":
            written.append(char.upper() if upper else char)
            upper = False
        else:
            written.append("_")
            upper = True
    return "".join(written)


def _rename(model, tag, name: str, taken: set[str]):
    """An unsafe fix writing `name` in the Name, unless another parameter already has it."""
    if not name or name.lower() in taken:
        return None
    return Fix.of(replace_text(model.document, tag, name), safety=UNSAFE, message=f"rename to {name}")


def check(model):
    taken = None
    for pid, group in model.params.items():
        for param in group:
            tag = model.first(param.element, "Name")
            value = element_value(tag)
            if tag is None or value.empty or model.is_restricted_name(value.text):
                continue
            digits = leading_digits(value.text)
            if digits:
                yield Problem(tag, f"Param {pid} has name '{value.text}', which starts with digit(s) "
                                   f"{', '.join(digits)}: start it with a letter", official="2.2.8")
                continue
            chars = unrecommended(value.text)
            if chars:
                if taken is None:
                    taken = {element_value(model.first(other.element, "Name")).text.lower()
                             for others in model.params.values() for other in others}
                yield Problem(tag, f"Param {pid} has name '{value.text}' with character(s) {' '.join(chars)}: use "
                                   f"only letters, digits and underscores", official="2.2.7",
                              fix=_rename(model, tag, recommended_name(value.raw), taken))
                continue
            if value.untrimmed:
                yield Problem(tag, f"Param {pid} has spaces around its name '{value.raw}'", official="2.2.3",
                              fix=Fix.of(trim_text(model.document, tag), message="trim the name"))
